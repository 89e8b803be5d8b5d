-- A coroutine goes suspended -> running -> suspended -> dead.
local co
co = coroutine.create(function()
  print("inside", coroutine.status(co))
  coroutine.yield()
end)
print(coroutine.status(co))  -- expect: suspended
coroutine.resume(co)  -- expect: inside	running
print(coroutine.status(co))  -- expect: suspended
coroutine.resume(co)
print(coroutine.status(co))  -- expect: dead
