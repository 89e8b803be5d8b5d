-- Comparisons in compiled code with floats that have integral values (0.0, -2.0, 2^53),
-- which moonlet keeps boxed, against integers, floats and immediates.

local function cmp(a, b)
  return (a < b) and 1 or 0, (a <= b) and 1 or 0, (a > b) and 1 or 0, (a >= b) and 1 or 0
end
local vals = { 0.0, -0.0, 1, 1.0, -2.0, 2.5, 2^53, 2^53 + 1.0, math.maxinteger, -math.huge, 0/0 }
local out = {}
for _ = 1, 2 do
  out = {}
  for i = 1, #vals do
    for j = 1, #vals do
      local lt, le, gt, ge = cmp(vals[i], vals[j])
      out[#out + 1] = lt .. le .. gt .. ge
    end
  end
end
print(table.concat(out, ' ', 1, 33))  -- expect: 0101 0101 1100 1100 0011 1100 1100 1100 1100 0011 0000 0101 0101 1100 1100 0011 1100 1100 1100 1100 0011 0000 0011 0011 0101 0101 0011 1100 1100 1100 1100 0011 0000
print(table.concat(out, ' ', 34, 66))  -- expect: 0011 0011 0101 0101 0011 1100 1100 1100 1100 0011 0000 1100 1100 1100 1100 0101 1100 1100 1100 1100 0011 0000 0011 0011 0011 0011 0011 0101 1100 1100 1100 0011 0000
print(table.concat(out, ' ', 67, 99))  -- expect: 0011 0011 0011 0011 0011 0011 0101 0101 1100 0011 0000 0011 0011 0011 0011 0011 0011 0101 0101 1100 0011 0000 0011 0011 0011 0011 0011 0011 0011 0011 0101 0011 0000
print(table.concat(out, ' ', 100))  -- expect: 1100 1100 1100 1100 1100 1100 1100 1100 1100 0101 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000

-- against immediates, as a loop condition does
local function imm(x)
  return (x < 4) and 1 or 0, (x <= 4) and 1 or 0, (x > 4) and 1 or 0, (x >= 4) and 1 or 0, (x == 4) and 1 or 0
end
for _, x in ipairs({ 4.0, 3.0, 5.0, 4, 4.5, -0.0 }) do
  local s = ''
  for _ = 1, 200 do s = table.concat({ imm(x) }) end
  print(x, s)
end  -- expect: 4.0	01011 -- expect: 3.0	11000 -- expect: 5.0	00110 -- expect: 4	01011 -- expect: 4.5	00110 -- expect: -0.0	11000

-- a float loop whose values start as 0.0 (boxed) and become fractional
local inside = 0
for y = 0, 39 do
  for x = 0, 39 do
    local zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
    local cr, ci = 2 * x / 40 - 1.5, 2 * y / 40 - 1
    local i = 0
    while i < 50 and tr + ti <= 4.0 do
      zi = 2 * zr * zi + ci; zr = tr - ti + cr; tr = zr * zr; ti = zi * zi; i = i + 1
    end
    if tr + ti <= 4.0 then inside = inside + 1 end
  end
end
print(inside)  -- expect: 633

-- strings and mixed kinds still compare (or fail) as Lua says
print(pcall(function () return 1.0 < 'x' end))  -- expect: false	jit-compare-boxed-floats.lua:49: attempt to compare number with string
print('a' < 'b', 2.0 <= 2)  -- expect: true	true
