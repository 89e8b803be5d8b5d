-- patterns: back references, balanced matches, frontiers, many captures
print(string.match('say "hi" then', '(["\'])(.-)%1'))  -- expect: "	hi
print(string.match("xx(a(b)c)yy", "%b()"))  -- expect: (a(b)c)
print(string.find("THE (quick) fox", "%f[%a]%a+", 5))  -- expect: 6	10
print(string.gsub("THE (quick) fox", "%f[%a]", "|"))  -- expect: |THE (|quick) |fox	3
print(string.gsub("hello  world", "%f[%w]%w+%f[%W]", "W"))  -- expect: W  W	2
local p = string.rep("(.)", 32)
local s = string.rep("x", 32)
print(select("#", string.match(s, p)))  -- expect: 32
print(pcall(string.match, s .. "x", p .. "(.)"))  -- expect: false	too many captures
print(string.match("abcabc", "(a(b)(c))%1"))  -- expect: abc	b	c
print(string.match("aXb", "a(.-)b"), string.match("ab", "a(.-)b") == "")  -- expect: X	true
print(string.match("hello", "(h)(e)(l)(l)(o)"))  -- expect: h	e	l	l	o
