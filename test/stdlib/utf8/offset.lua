-- utf8.offset: byte positions of characters
local s = "añ€😀"
for n = 1, 5 do print(n, utf8.offset(s, n)) end  -- expect: 1	1 -- expect: 2	2 -- expect: 3	4 -- expect: 4	7 -- expect: 5	11
print(utf8.offset(s, 6))  -- expect: nil
print(utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, -4), utf8.offset(s, -5))  -- expect: 7	4	1	nil
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 10))  -- expect: 2	4	7
print(utf8.offset(s, 2, 2), utf8.offset(s, -1, 4))  -- expect: 4	2
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1))  -- expect: 1	1	nil
print(utf8.offset("abc", 1, 4), utf8.offset("abc", 2, 4))  -- expect: 4	nil
