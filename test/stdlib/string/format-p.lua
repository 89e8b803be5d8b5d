-- string.format("%p"): addresses of reference values, "(null)" for the rest
print(string.format("%p", nil), string.format("%p", 1), string.format("%p", true))  -- expect: (null)	(null)	(null)
print(string.format("%10p|%-8p|", false, 1.5))  -- expect:     (null)|(null)  |
local t = {}
print(string.format("%p", t) == string.format("%p", t))  -- expect: true
print(string.format("%p", t) ~= string.format("%p", {}))  -- expect: true
print(string.format("%p", print) ~= string.format("%p", assert))  -- expect: true
print(tostring(t):match("0x%x+") == string.format("%p", t))  -- expect: true
print(#string.format("%30p", t))  -- expect: 30
local s1, s2 = string.rep("a", 10), string.rep("aa", 5)
print(string.format("%p", s1) == string.format("%p", s2))  -- expect: true
