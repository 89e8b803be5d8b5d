-- Errors crossing two wrapped coroutines collect a position at each wrap call.
local inner = coroutine.wrap(function() error("deep") end)
local outer = coroutine.wrap(function() local r = inner() return r end)
local function go() local r = outer() return r end
print(pcall(go))

-- expect: false	error-wrap-in-wrap-position.lua:4: error-wrap-in-wrap-position.lua:3: error-wrap-in-wrap-position.lua:2: deep
