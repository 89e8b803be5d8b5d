-- moonlet-only
-- A task that fails with nobody awaiting it is reported on stderr as `moonlet: task error:`
-- with a traceback; the other tasks and the main chunk go on, and the exit status is 1.
task.spawn(function()
  task.wait(0.01)
  error("nobody awaits me")
end)
task.spawn(function()
  task.wait(0.03)
  print("other task still runs")
end)
print("main chunk done") -- expect: main chunk done
-- expect: other task still runs
-- expect error: task error: task-unawaited-error.lua:6: nobody awaits me
