-- string.find / string.match: the init argument
local s = "abcabc"
print(string.find(s, "b", 3))  -- expect: 5	5
print(string.find(s, "b", -2))  -- expect: 5	5
print(string.find(s, "b", -100))  -- expect: 2	2
print(string.find(s, "b", 0))  -- expect: 2	2
print(string.find(s, "", 7))  -- expect: 7	6
print(string.find(s, "", 8))  -- expect: nil
print(string.find(s, "$", 7))  -- expect: 7	6
print(string.find(s, "c", math.maxinteger))  -- expect: nil
print(string.find(s, "a", math.mininteger))  -- expect: 1	1
print(string.match(s, "c", 4))  -- expect: c
print(string.match(s, "()", 7))  -- expect: 7
print(string.match(s, "()", 8))  -- expect: nil
print(pcall(string.find, s, "a", "x"))  -- expect: false	bad argument #3 to 'string.find' (number expected, got string)
print(pcall(string.find, s, "a", 1.5))  -- expect: false	bad argument #3 to 'string.find' (number has no integer representation)
