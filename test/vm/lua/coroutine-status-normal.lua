-- A coroutine that resumed another is "normal".
local outer
local inner = coroutine.create(function()
  print("outer is", coroutine.status(outer))
end)
outer = coroutine.create(function()
  coroutine.resume(inner)
  print("inner is", coroutine.status(inner))
end)
coroutine.resume(outer)  -- expect: outer is	normal -- expect: inner is	dead
print(coroutine.status(outer))  -- expect: dead
