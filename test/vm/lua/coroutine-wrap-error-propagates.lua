-- Errors in a wrapped coroutine propagate to the caller, with position.
local f = coroutine.wrap(function() error("inner") end)
print(pcall(f))
local g = coroutine.wrap(function() error({1}) end)
local ok, e = pcall(g)
print(ok, type(e))
local h = coroutine.wrap(function() local x = nil; return x.y end)
print(pcall(h))

-- expect: false	coroutine-wrap-error-propagates.lua:2: inner
-- expect: false	table
-- expect: false	coroutine-wrap-error-propagates.lua:7: attempt to index a nil value (local 'x')
