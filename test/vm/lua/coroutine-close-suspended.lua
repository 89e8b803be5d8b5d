-- coroutine.close kills a suspended coroutine.
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
print(coroutine.close(co), coroutine.status(co))  -- expect: true	dead
print(coroutine.resume(co))  -- expect: false	cannot resume dead coroutine
print(coroutine.close(coroutine.create(function() end)))  -- expect: true
