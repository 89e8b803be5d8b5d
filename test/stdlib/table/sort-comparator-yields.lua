-- moonlet deviation (intended): table.sort calls its comparator (and __lt) by request, so the
-- comparator may yield; lua5.4 raises "attempt to yield across a C-call boundary" here.
-- The expectations below are written by hand: do not regenerate this file with lua5.4.
local t = {5, 3, 8, 1, 9, 2}
local co = coroutine.wrap(function()
  table.sort(t, function(a, b)
    coroutine.yield(a, b)
    return a < b
  end)
  return "done"
end)
local n = 0
while co() ~= "done" do n = n + 1 end
print(n, table.concat(t, " "))  -- expect: 12	1 2 3 5 8 9
local mt = {__lt = function(a, b) coroutine.yield("lt"); return a.v < b.v end}
local u = {}
for i, v in ipairs{4, 2, 7, 1} do u[i] = setmetatable({v = v}, mt) end
local co2 = coroutine.create(function() table.sort(u); return "sorted" end)
local steps, last = 0, nil
while coroutine.status(co2) ~= "dead" do
  local ok, v = coroutine.resume(co2)
  steps, last = steps + 1, v
end
print(steps, last, u[1].v, u[2].v, u[3].v, u[4].v)  -- expect: 8	sorted	1	2	4	7
