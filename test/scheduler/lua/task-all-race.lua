-- moonlet-only
-- task.all (results in order, with a concurrency limit), allSettled and race.
local running, most = 0, 0
local function job(i)
  return function()
    running = running + 1
    most = math.max(most, running)
    task.wait(0.001 * (5 - i))
    running = running - 1
    return i * 10
  end
end
local fns = {}
for i = 1, 4 do fns[i] = job(i) end
local all = task.all(fns, { concurrency = 2 })
for i, r in ipairs(all) do io.write(r[1], " ") end print() -- expect: 10 20 30 40 
print("at most", most) -- expect: at most	2
local settled = task.allSettled({ function() return 1 end, function() error("no", 0) end })
print(settled[1].ok, settled[1][1], settled[2].ok, settled[2].error) -- expect: true	1	false	no
print(task.race({
  function() task.wait(0.05) return "slow" end,
  function() task.wait(0.001) return "fast" end,
})) -- expect: fast
print(require("task") == task) -- expect: true
