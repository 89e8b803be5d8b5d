-- moonlet-only
-- When the main chunk fails, the tasks still waiting are cancelled as the state closes:
-- their <close> variables run, and the exit status is 1 with the main chunk's error.
task.spawn(function()
  local guard <close> = setmetatable({}, { __close = function() print("task closed") end })
  task.wait(10)
  print("never printed")
end)
task.wait(0.01)
error("main fails") -- expect: task closed
-- expect error: task-main-error-cancels.lua:10: main fails
