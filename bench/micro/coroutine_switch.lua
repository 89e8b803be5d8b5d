-- coroutine_switch.lua — micro-benchmark: coroutine switches (resume/yield round trips).
-- One resume and one yield per iteration, a value passed each way.
local n = tonumber(arg and arg[1]) or 1000000
local co = coroutine.create(function(x)
  local acc = 0
  while true do
    acc = acc + x
    x = coroutine.yield(acc % 1000)
  end
end)
local resume = coroutine.resume
local s = 0
for i = 1, n do
  local _, v = resume(co, i)
  s = s + v
end
print("coroutine_switch", n, s)
