-- string.gsub with a function replacement: called with the captures
print(string.gsub("hello world", "%w+", function(w) return w:upper() end))  -- expect: HELLO WORLD	2
print(string.gsub("abc", "(.)", function(c) return c:byte() end))  -- expect: 979899	3
print(string.gsub("a=1, b=2", "(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))  -- expect: 1=a, 2=b	2
print(string.gsub("abc", ".", function() end))  -- expect: abc	3
print(string.gsub("abc", ".", function() return false end))  -- expect: abc	3
print(string.gsub("abc", "()", function(p) return p end))  -- expect: 1a2b3c4	4
print(string.gsub("abc", ".", function(c) return 2^53 end))  -- expect: 9.007199254741e+159.007199254741e+159.007199254741e+15	3
local calls = 0
print(string.gsub("aaa", "a", function() calls = calls + 1 return nil, "ignored" end), calls)  -- expect: aaa	3
local s = string.gsub("x", "x", function() return string.gsub("abc", ".", "%0%0") end)
print(s)  -- expect: aabbcc
