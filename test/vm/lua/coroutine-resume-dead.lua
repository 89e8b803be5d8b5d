-- Resuming a dead coroutine fails.
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co))  -- expect: true	1
print(coroutine.resume(co))  -- expect: false	cannot resume dead coroutine
print(coroutine.status(co))  -- expect: dead
