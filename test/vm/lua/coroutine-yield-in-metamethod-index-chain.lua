-- Yield from an __index function reached through a chain.
local base = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end})
local obj = setmetatable({}, {__index = base})
local co = coroutine.wrap(function() return "value: " .. obj.key end)
print(co())  -- expect: key
print(co("V"))  -- expect: value: V
