-- Calling a dead wrapped coroutine is an error.
local f = coroutine.wrap(function() end)
f()
print(pcall(f))
print(pcall(function() f() end))


-- expect: false	cannot resume dead coroutine
-- expect: false	coroutine-wrap-dead-error.lua:5: cannot resume dead coroutine
