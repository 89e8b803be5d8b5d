-- Lua 5.4 does not use "not (b < a)" for '<=' (the 5.3 compatibility fallback is off).
local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a < b, b < a)  -- expect: true	false
print(pcall(function() return a <= b end))  -- expect: true	true
print(pcall(function() return a >= b end))  -- expect: true	false
