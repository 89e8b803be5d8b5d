-- Compiled loops entered after a call (jit-structure.ts, entries): a coroutine that yields in
-- the middle of a loop comes back at the instruction after its call, inside the JS loop.

-- A generator yielding from a numeric for loop, with work before and after the yield.
local function squares(n)
  return coroutine.wrap(function()
    local acc = 0
    for i = 1, n do
      acc = acc + i
      coroutine.yield(i * i, acc)
      acc = acc - 1
    end
    return 'done', acc
  end)
end
local total, last = 0, nil
local gen = squares(300)
for _ = 1, 300 do
  local sq, acc = gen()
  total = total + sq
  last = acc
end
print(total, last, gen())  -- expect: 9045050	44851	done	44850

-- Several yields in one loop, behind branches, with float locals live across them.
local co = coroutine.create(function(limit)
  local x, y = 0.5, 1.25
  local i = 0
  while i < limit do
    i = i + 1
    if i % 3 == 0 then
      x = x * 1.5 + coroutine.yield('three', x)
    elseif i % 3 == 1 then
      y = y / 2 + coroutine.yield('one', y)
    else
      local got = coroutine.yield('two', x + y)
      if got > 1 then x = x - got else y = y + got end
    end
  end
  return x, y, i
end)
local trace = {}
local ok, tag, v = coroutine.resume(co, 400)
while coroutine.status(co) ~= 'dead' do
  trace[#trace + 1] = tag
  ok, tag, v = coroutine.resume(co, #trace % 5 * 0.25)
end
print(ok, #trace, trace[1], trace[2], trace[3], tag, v)  -- expect: true	400	one	two	three	4.3643848893011e+23	1.1209677419355

-- Calls that run in the interpreter (pcall, a callee with a hook-free error path, a Lua
-- iterator) inside loops with goto continue and break.
local function maybe(i)
  if i % 7 == 0 then error('seven ' .. i) end
  return i * 2
end
local sum, errors = 0, 0
for i = 1, 2000 do
  local ok2, r = pcall(maybe, i)
  if not ok2 then
    errors = errors + 1
    goto continue
  end
  sum = sum + r
  if sum > 3000000 then break end
  ::continue::
end
print(sum, errors)  -- expect: 3001620	267

-- A yield inside an inner loop, the outer loop resumed around it.
local nested = coroutine.wrap(function()
  for i = 1, 40 do
    for j = 1, 3 do
      coroutine.yield(i * 10 + j)
    end
  end
  return -1
end)
local s, n = 0, 0
while true do
  local v2 = nested()
  if v2 < 0 then break end
  s = s + v2
  n = n + 1
end
print(s, n)  -- expect: 24840	120

-- Yields from a generic for's iterator function and from the loop body together.
local function chars(str)
  local i = 0
  return function()
    i = i + 1
    if i <= #str then coroutine.yield('iter', i) return str:sub(i, i) end
  end
end
local both = coroutine.wrap(function()
  local out = {}
  for c in chars('moonlet') do
    out[#out + 1] = c
    coroutine.yield('body', c)
  end
  return table.concat(out)
end)
local events = {}
for _ = 1, 100 do
  local kind, what = both()
  if kind ~= 'iter' and kind ~= 'body' then events[#events + 1] = kind break end
  events[#events + 1] = kind .. ':' .. tostring(what)
end
print(#events, events[1], events[2], events[#events - 1], events[#events])  -- expect: 15	iter:1	body:m	body:t	moonlet
