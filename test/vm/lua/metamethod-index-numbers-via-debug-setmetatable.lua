-- debug.setmetatable gives numbers a metatable.
debug.setmetatable(0, {__index = function(n, k) return k .. n end, __call = function(n, x) return n + x end})
local n = 5
print(n.foo, (7).bar, n(10))  -- expect: foo5	bar7	15
debug.setmetatable(0, nil)
print(pcall(function() return n.foo end))  -- expect: false	metamethod-index-numbers-via-debug-setmetatable.lua:6: attempt to index a number value (upvalue 'n')
