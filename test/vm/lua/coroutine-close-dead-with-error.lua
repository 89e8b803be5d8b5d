-- Closing a coroutine that died by error returns false and the error.
local co = coroutine.create(function() error("died") end)
print(coroutine.resume(co))  -- expect: false	coroutine-close-dead-with-error.lua:2: died
print(coroutine.close(co))  -- expect: false	coroutine-close-dead-with-error.lua:2: died
print(coroutine.close(co))  -- expect: true
