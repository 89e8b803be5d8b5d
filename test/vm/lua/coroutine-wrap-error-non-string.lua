-- Non-string errors pass through wrap unchanged.
local f = coroutine.wrap(function() error(42) end)
print(pcall(f))  -- expect: false	42
local g = coroutine.wrap(function() error(nil) end)
print(pcall(g))  -- expect: false	nil
