-- wrap prefixes the position of its caller to string errors.
local f = coroutine.wrap(function() error("inner") end)
local function call() return f() end
print(pcall(call))
local g = coroutine.wrap(function() error("no pos", 0) end)
print(pcall(function() return g() end))

-- expect: false	error-coroutine-wrap-position.lua:3: error-coroutine-wrap-position.lua:2: inner
-- expect: false	error-coroutine-wrap-position.lua:6: no pos
