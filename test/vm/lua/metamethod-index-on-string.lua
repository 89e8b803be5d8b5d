-- Strings index the string table through their metatable.
local s = "hello"
print(s.len == string.len, s.upper == string.upper, ("x").nothing)  -- expect: true	true	nil
print(getmetatable("").__index == string)  -- expect: true
print(pcall(function() return s.len.x end))  -- expect: false	metamethod-index-on-string.lua:5: attempt to index a function value (field 'len')
