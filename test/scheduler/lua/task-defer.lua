-- moonlet-only
-- task.defer runs after the current task next waits; task.delay after its delay. Deferred
-- tasks start in the order they were deferred.
task.defer(function() print("deferred 1") end)
task.defer(function(x) print("deferred 2", x) end, "arg")
task.delay(0.03, function() print("delayed") end)
print("main before wait") -- expect: main before wait
task.wait() -- expect: deferred 1 -- expect: deferred 2	arg
print("main after wait") -- expect: main after wait
task.wait(0.06) -- expect: delayed
print("main done") -- expect: main done
