-- Recursion through __index overflows the stack.
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k .. "x"] end
local ok, e = pcall(function() return t.a end)
print(ok, (tostring(e):match("stack overflow")))  -- expect: false	stack overflow
