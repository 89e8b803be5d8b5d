-- An error raised after resuming inside pcall is caught by that pcall.
local co = coroutine.wrap(function()
  print(pcall(function()
    coroutine.yield(1)
    error("late", 0)
  end))
  return "finished"
end)
print(co())  -- expect: 1
print(co())  -- expect: false	late -- expect: finished
