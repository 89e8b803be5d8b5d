-- moonlet-only
-- task.timeout: the results when f finishes in time, else false, "timeout" and f is
-- cancelled (its <close> variables run).
print(task.timeout(1, function(x) task.wait(0.01) return x * 2 end, 21)) -- expect: true	42
print(task.timeout(0.02, function()
  local guard <close> = setmetatable({}, { __close = function() print("closed on cancel") end })
  task.wait(10)
  print("never printed")
end))
-- expect: closed on cancel
-- expect: false	timeout
-- task.cancel stops a waiting task at once; awaiting it raises "cancelled".
local h = task.spawn(function() task.wait(10) end)
task.cancel(h)
print(h:status(), pcall(h.await, h)) -- expect: cancelled	false	cancelled
