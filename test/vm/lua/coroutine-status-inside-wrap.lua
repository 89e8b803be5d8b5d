-- coroutine.running inside wrap and its status.
local f = coroutine.wrap(function()
  local co = coroutine.running()
  print(coroutine.status(co), coroutine.isyieldable())
  coroutine.yield()
end)
f()  -- expect: running	true
print("main yieldable", coroutine.isyieldable())  -- expect: main yieldable	false
