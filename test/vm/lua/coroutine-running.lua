-- coroutine.running returns the thread and whether it is the main one.
local main, ismain = coroutine.running()
print(type(main), ismain)  -- expect: thread	true
local co = coroutine.create(function()
  local c, m = coroutine.running()
  print(type(c), m)
  return c
end)
local _, c = coroutine.resume(co)  -- expect: thread	false
print(c == co)  -- expect: true
