-- Functions with several top-level loops are compiled as one JS function per loop (jit-regions.ts):
-- control moves between them at loop entries and exits, by falling through, by break, by goto
-- and by conditional skips, with locals, varargs and upvalues carried across.
local function phases(n, ...)
  local extra = select('#', ...)
  local t, sum, log = {}, 0, {}
  for i = 1, n do t[i] = i * 2 end
  sum = sum + #t
  local k = 0
  while k < n do
    k = k + 1
    if k == 7 then break end
    sum = sum + t[k]
  end
  for _, v in ipairs(t) do
    if v > 10 then goto skipped end
    sum = sum + v
  end
  ::skipped::
  local fs = {}
  for i = 1, 3 do fs[i] = function() return i + k end end
  repeat
    k = k - 2
    log[#log + 1] = k
  until k <= 0
  if sum < 0 then
    for i = 1, 10 do sum = sum - i end
  end
  for x = 1.0, 2.0, 0.5 do sum = sum + x end
  return sum, extra, fs[1]() + fs[3](), table.concat(log, ',')
end
for round = 1, 300 do
  local a, b, c, d = phases(round % 20 + 5, 'x', nil)
  if round % 100 == 0 then print(round, a, b, c, d) end
end
-- A main chunk: its loops share locals with the code between them.
local words, counts = {}, {}
for i = 1, 500 do words[#words + 1] = 'w' .. (i % 13) end
for _, w in ipairs(words) do counts[w] = (counts[w] or 0) + 1 end
local total, distinct = 0, 0
for _, c in pairs(counts) do total = total + c; distinct = distinct + 1 end
local i = 0
while true do
  i = i + 1
  if i > 1000 then goto done end
end
::done::
print(total, distinct, i, counts.w0, counts.w12)

-- expect: 100	69.5	2	2	3,1,-1
-- expect: 200	69.5	2	2	3,1,-1
-- expect: 300	69.5	2	2	3,1,-1
-- expect: 500	13	1001	38	38
