-- moonlet-only
-- The command waits for every task to settle before it closes the state, even after the
-- main chunk has returned.
task.spawn(function()
  task.wait(0.5) -- far beyond the delay: the order holds on a loaded machine too
  print("background finished")
end)
task.delay(0.01, function() print("delayed task ran") end)
print("main chunk returns") -- expect: main chunk returns
-- (printed after the main chunk returned:)
-- expect: delayed task ran
-- expect: background finished
