-- moonlet-only
-- task.spawn runs the function now, until it first waits; the handle gives its results.
local log = {}
local h = task.spawn(function(a, b)
  log[#log + 1] = "start " .. a
  task.wait(0.01)
  log[#log + 1] = "resumed"
  return a + b, "ok"
end, 1, 2)
log[#log + 1] = "after spawn"
print(table.concat(log, ", ")) -- expect: start 1, after spawn
print(h:status()) -- expect: waiting
print(h:await()) -- expect: 3	ok
print(h:status()) -- expect: done
print(table.concat(log, ", ")) -- expect: start 1, after spawn, resumed
-- A task that never waits has finished when spawn returns.
local quick = task.spawn(function() return "quick" end)
print(quick:status(), quick:await()) -- expect: done	quick
-- Errors come back through await, catchable with pcall.
local bad = task.spawn(function() task.wait(0) error("bad task") end)
print(pcall(bad.await, bad)) -- expect: false	task-spawn.lua:20: bad task
