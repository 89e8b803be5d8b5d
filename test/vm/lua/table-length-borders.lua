-- `#` of tables with holes returns the border lua5.4 returns (any border is valid; Lua's
-- depends on how it sized the table's parts, which moonlet follows: vm/table-border.ts).
print(#{1, 2, 3, nil, 5}, #{1, 2, nil, 4}, #{nil, nil, 3}, #{nil}, #{1, nil})  -- expect: 5	4	3	0	1

local t = {1, 2, 3, 4, 5, 6, 7, 8}
t[4] = nil
print(#t)  -- expect: 8
t = {}; t[1] = 1; t[2] = 2; t[4] = 4
print(#t)  -- expect: 4
t = {1, 2, 3}; t[4] = 4; t[6] = 6
print(#t)  -- expect: 6
t = {}; for i = 1, 20 do t[i] = i end; for i = 1, 20, 2 do t[i] = nil end
print(#t)  -- expect: 20
t = {}; for i = 1, 17 do t[i] = i end; t[17] = nil; t[8] = nil; t[16] = nil
print(#t)  -- expect: 7
t = {}; for i = 1, 100 do t[i] = i end; for i = 50, 100 do t[i] = nil end; t[75] = 1
print(#t)  -- expect: 49

-- A key written between the border and the end of the array part moves Lua's hint.
t = {}
for _, k in ipairs{7, 11, 9, 14, 14, 8, 5, 5, 9, 6, 2, 4} do t[k] = k end
print(#t)  -- expect: 9
t[11] = 11
print(#t)  -- expect: 11

-- Appending, removing and re-adding keys.
t = {}
for i = 1, 10 do t[#t + 1] = i end
t[3] = nil
print(#t)  -- expect: 10
t[#t + 1] = 11
t[5] = nil; t[6] = nil
print(#t)  -- expect: 11
table.remove(t)
print(#t)  -- expect: 10
t = table.pack(1, nil, 3)
print(#t, t.n)  -- expect: 3	3
t = {n = 0}
for i = 1, 6 do t[i] = i end
t[2] = nil
print(#t)  -- expect: 6

-- Pseudo-random sequences of assignments, the border after each.
local seed = 42
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed // 65536 % n + 1 end
for _ = 1, 12 do
  local u, out = {}, {}
  local size = rnd(20)
  for _ = 1, 15 do
    local k = rnd(size + 2)
    if rnd(4) == 1 then u[k] = nil else u[k] = k end
    out[#out + 1] = #u
  end
  print(table.concat(out, " "))
end  -- expect: 0 0 0 2 1 1 1 1 4 4 4 4 4 4 4 -- expect: 0 0 0 0 0 0 1 1 1 1 1 5 5 5 5 -- expect: 0 0 0 0 0 0 3 3 7 7 7 7 7 7 7 -- expect: 0 0 0 0 5 5 5 5 5 6 6 6 5 4 3 -- expect: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -- expect: 0 1 1 1 1 1 1 1 4 8 8 8 8 8 8 -- expect: 0 0 0 0 0 0 0 0 0 0 0 0 6 6 6 -- expect: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 -- expect: 0 0 1 2 2 2 2 4 4 4 4 4 4 4 4 -- expect: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -- expect: 0 1 4 4 4 4 2 2 4 4 5 5 5 5 5 -- expect: 0 0 0 0 0 0 0 0 0 0 0 0 0 16 16

-- A constructor with nil items, in a function called often enough to be compiled.
local function make() return {1, nil, 3, nil, 5} end
local lengths = {}
for i = 1, 300 do
  local u = make()
  u[5] = nil
  lengths[i] = #u
end
print(lengths[1], lengths[300])  -- expect: 1	1
