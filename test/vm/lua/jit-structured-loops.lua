-- Innermost loops without calls are compiled to JS loops with labelled blocks; every shape
-- of control flow inside them must behave as Lua's.

local function shapes(n)
  local out = {}
  -- if / elseif / else chains, and/or values, comparisons as values
  local acc, flags = 0, 0
  for i = 1, n do
    if i % 15 == 0 then acc = acc + 15
    elseif i % 5 == 0 then acc = acc + 5
    elseif i % 3 == 0 then acc = acc - 3
    else acc = acc + 1 end
    local pick = (i % 2 == 0) and i or -i
    local b = i < n / 2
    if b and pick > 0 or i == 1 then flags = flags + 1 end
    acc = acc + (pick or 0) % 7
  end
  out[#out + 1] = acc .. ':' .. flags
  -- while with a compound condition, break from nested ifs
  local i, j = 0, 100
  while i < j and (i * j) % 97 ~= 13 do
    i = i + 1
    if i % 7 == 0 then
      if j - i < 40 then break end
      j = j - 1
    end
  end
  out[#out + 1] = i .. ',' .. j
  -- repeat-until whose condition reads a local of the body
  local k = 0
  repeat
    local sq = k * k
    k = k + 1
  until sq > 200
  out[#out + 1] = k
  -- goto continue
  local odd = 0
  for m = 1, n do
    if m % 2 == 0 then goto continue end
    odd = odd + m
    ::continue::
  end
  out[#out + 1] = odd
  -- float and negative steps, an empty range
  local f, g, e = 0, 0, 0
  for x = 1.0, 3.0, 0.25 do f = f + x end
  for x = 10, 1, -3 do g = g + x end
  for x = 5, 1 do e = e + 1 end
  out[#out + 1] = f .. ' ' .. g .. ' ' .. e
  -- nested loops: the inner one is a JS loop, the outer one is not
  local grid = 0
  for a = 1, 20 do
    for c = a, 20 do
      if (a + c) % 3 == 0 then grid = grid + a * c else grid = grid - 1 end
    end
  end
  out[#out + 1] = grid
  -- a table built in the loop (collection steps), values and strings
  local parts = {}
  for z = 1, 50 do parts[#parts + 1] = { z, z * 2 } end
  local s = 0
  for z = 1, #parts do s = s + parts[z][2] end
  local str = ''
  for z = 1, 10 do str = str .. (z % 2 == 0 and 'e' or 'o') end
  out[#out + 1] = s .. ' ' .. str
  return table.concat(out, ' | ')
end
for _ = 1, 3 do print(shapes(300)) end  -- expect: 1326:75 | 56,93 | 16 | 22500 | 18.0 22 0 | 7644 | 2550 oeoeoeoeoe -- expect: 1326:75 | 56,93 | 16 | 22500 | 18.0 22 0 | 7644 | 2550 oeoeoeoeoe -- expect: 1326:75 | 56,93 | 16 | 22500 | 18.0 22 0 | 7644 | 2550 oeoeoeoeoe

-- a return from inside a loop, and an error from inside one
local function find(t, v)
  for i = 1, #t do if t[i] == v then return i end end
  return nil
end
local t = {}
for i = 1, 100 do t[i] = i * 3 end
for _ = 1, 3 do print(find(t, 150), find(t, 151)) end  -- expect: 50	nil -- expect: 50	nil -- expect: 50	nil
print(pcall(function ()
  local x = 0
  while true do x = x + 1; if x > 50 then local y = nil; return y.field end end
end))  -- expect: false	jit-structured-loops.lua:80: attempt to index a nil value (local 'y')

-- a loop exited by `goto` to a label after an enclosing block
local function escape(n)
  local hits = 0
  for i = 1, n do
    for j = 1, n do
      if i * j > 30 then goto out end
      hits = hits + 1
    end
  end
  ::out::
  return hits
end
for _ = 1, 3 do print(escape(10)) end  -- expect: 37 -- expect: 37 -- expect: 37

-- a loop that jumps back to its start with goto (two backward jumps to one place)
local function backwards(n)
  local i, s = 0, 0
  ::top::
  i = i + 1
  if i % 2 == 0 then s = s + i; if i < n then goto top end end
  if i < n then goto top end
  return s
end
for _ = 1, 3 do print(backwards(100)) end  -- expect: 2550 -- expect: 2550 -- expect: 2550

-- a loop whose body nests 190 ifs (190 labelled blocks in one JS loop), made by load
local deep = { 'local n = ...; local s = 0; for i = 1, n do ' }
for d = 1, 190 do deep[#deep + 1] = ('if i %% %d ~= 1000 then s = s + 1 '):format(d + 1) end
for _ = 1, 190 do deep[#deep + 1] = 'end ' end
deep[#deep + 1] = 'end return s'
local nested = assert(load(table.concat(deep)))
for _ = 1, 3 do print(nested(10), nested(1000), nested(300)) end  -- expect: 1900	190000	57000 -- expect: 1900	190000	57000 -- expect: 1900	190000	57000
