-- string.gmatch with init (5.4): where the iteration starts
local function all(s, p, init)
  local t = {}
  for m in string.gmatch(s, p, init) do t[#t + 1] = m end
  return table.concat(t, ",")
end
print(all("abcabc", "a.", 1))  -- expect: ab,ab
print(all("abcabc", "a.", 2))  -- expect: ab
print(all("abcabc", "a.", -3))  -- expect: ab
print(all("abcabc", "a.", -100))  -- expect: ab,ab
print(all("abcabc", "a.", 0))  -- expect: ab,ab
print(all("abcabc", "a.", 7))  -- expect: 
print(all("abcabc", "a.", 100))  -- expect: 
print(all("abc", "()", 3))  -- expect: 3,4
print(all("abc", "()", 4))  -- expect: 4
print(all("abc", "()", 5))  -- expect: 
print(pcall(string.gmatch, "abc", "a", "x"))  -- expect: false	bad argument #3 to 'string.gmatch' (number expected, got string)
