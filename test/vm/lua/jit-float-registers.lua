-- Float registers: locals that only ever hold floats (0.0, x * 1.5, a / b) live in compiled
-- code as raw doubles; every way their values leave or enter must give Lua's values.

local function run()
  local x, s = 0.0, 0.0
  for i = 1, 100 do
    x = x + 0.5          -- 0.5, 1.0 (integral: a float all the same), 1.5, ...
    s = s + x * 2.0
  end
  return x, s, math.type(x), math.type(s)
end
for _ = 1, 3 do print(run()) end  -- expect: 50.0	5050.0	float	float -- expect: 50.0	5050.0	float	float -- expect: 50.0	5050.0	float	float

-- integral results, infinities, NaNs and zeros
local function edges()
  local z = 0.0
  local a = z / z          -- -nan on x86 (what lua5.4 prints)
  local b = -a             -- the NaN's negation: nan
  local c = 1.0 / z        -- inf
  local d = -1.0 / c       -- -0.0
  local e = 7.5 // 2       -- 3.0
  local f = 7.5 % -2       -- -0.5
  local g = -7.5 % 2       -- 0.5
  local h = 5.0 % z        -- nan
  local i = 2.0 ^ 10       -- 1024.0
  local j = (-8.0) ^ (1 / 3)
  local k = 3.0 * 2        -- 6.0
  return a, b, c, d, e, f, g, h, i, j, k, math.type(k)
end
for _ = 1, 3 do print(edges()) end  -- expect: -nan	nan	inf	-0.0	3.0	-0.5	0.5	-nan	1024.0	-nan	6.0	float -- expect: -nan	nan	inf	-0.0	3.0	-0.5	0.5	-nan	1024.0	-nan	6.0	float -- expect: -nan	nan	inf	-0.0	3.0	-0.5	0.5	-nan	1024.0	-nan	6.0	float

-- as arguments, table values and keys (4.0 is the key 4), in comparisons and concatenation
local function uses()
  local t = {}
  local y = 1.0
  for _ = 1, 3 do
    y = y * 2.0
    t[y] = 'k' .. y
  end
  local eq = (y == 8) and 'eq' or 'ne'
  local lt = (y < 8.5) and 'lt' or 'ge'
  return t[2], t[4], t[8], #t, eq, lt, tostring(y), string.format('%.1f', y), y .. '!'
end
for _ = 1, 3 do print(uses()) end  -- expect: k2.0	k4.0	k8.0	0	eq	lt	8.0	8.0	8.0! -- expect: k2.0	k4.0	k8.0	0	eq	lt	8.0	8.0	8.0! -- expect: k2.0	k4.0	k8.0	0	eq	lt	8.0	8.0	8.0!

-- a metamethod result lands in a float local: the rest of the loop is the interpreter's
local weird = setmetatable({}, { __add = function (a, b) return 'str' end })
local function meta(n)
  local acc = 0.5
  local seen = {}
  for i = 1, n do
    if i == 3 then acc = acc + weird else acc = 0.25 * 2 end
    seen[#seen + 1] = type(acc)
  end
  return table.concat(seen, ',')
end
for _ = 1, 3 do print(meta(5)) end  -- expect: number,number,string,number,number -- expect: number,number,string,number,number -- expect: number,number,string,number,number

-- debug.setlocal from a callee replaces a float local
local function setter() debug.setlocal(2, 1, 'replaced') end
local function victim()
  local v = 1.5
  for _ = 1, 3 do
    v = v * 2.0
    if v > 5 then setter() break end
  end
  return v
end
for _ = 1, 3 do print(victim()) end  -- expect: replaced -- expect: replaced -- expect: replaced

-- a float loop suspended by a coroutine, and an error in the middle of one
local gen = coroutine.wrap(function ()
  local p = 1.0
  for _ = 1, 5 do p = p * 1.5; coroutine.yield(p) end
  return 'done'
end)
print(gen(), gen(), gen(), gen(), gen(), gen())  -- expect: 1.5	2.25	3.375	5.0625	7.59375	done
print(pcall(function ()
  local q = 2.0
  for i = 1, 10 do q = q / 2.0; if i == 4 then error('stop at ' .. q) end end
end))  -- expect: false	jit-float-registers.lua:80: stop at 0.125

-- a small mandelbrot, whose inner loop is all float registers
local inside = 0
for yy = 0, 59 do
  local ci = 2 * yy / 60 - 1
  for xx = 0, 59 do
    local cr = 2 * xx / 60 - 1.5
    local zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
    local it = 0
    while it < 50 and tr + ti <= 4.0 do
      zi = 2 * zr * zi + ci
      zr = tr - ti + cr
      tr = zr * zr
      ti = zi * zi
      it = it + 1
    end
    if tr + ti <= 4.0 then inside = inside + 1 end
  end
end
print(inside)  -- expect: 1424
