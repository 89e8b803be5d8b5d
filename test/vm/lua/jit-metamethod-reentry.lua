-- Compiled code has case labels only where it can be entered (jit-structure.ts, caseLabels).
-- After a metamethod ran as a frame, the frame resumes at an instruction that may have none:
-- the interpreter finishes the work. Floats, integers and strings must come out the same.

local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({ x = a.x + b.x }, V) end
V.__mul = function(a, k) return setmetatable({ x = a.x * k }, V) end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__eq = function(a, b) return a.x == b.x end
V.__len = function(a) return a.x // 1 end
V.__concat = function(a, b)
  local ax = type(a) == 'table' and a.x or a
  local bx = type(b) == 'table' and b.x or b
  return ax .. '|' .. bx
end
V.__unm = function(a) return setmetatable({ x = -a.x }, V) end
local function v(x) return setmetatable({ x = x }, V) end

-- Straight-line code: each metamethod result feeds float arithmetic after it.
local function straight(a, b, f)
  local s = a + b
  local half = f * 0.5
  local p = s * 2
  local q = half / 3 + p.x
  local neg = -p
  local lt = a < b
  local le = b <= a
  local eq = a == v(a.x)
  local n = #p
  local c = a .. b
  local r = q * 1.5 - half
  return s.x, p.x, q, neg.x, lt, le, eq, n, c, r
end
for i = 1, 3 do print(straight(v(1.5), v(i), i + 0.25)) end  -- expect: 2.5	5.0	5.2083333333333	-5.0	false	true	true	5.0	1.5|1	7.1875 -- expect: 3.5	7.0	7.375	-7.0	true	false	true	7.0	1.5|2	9.9375 -- expect: 4.5	9.0	9.5416666666667	-9.0	true	false	true	9.0	1.5|3	12.6875

-- An __index function in the middle of arithmetic, many times (the function gets compiled).
local lazy = setmetatable({}, { __index = function(_, k) return k * 0.5 end })
local function sum(n)
  local acc = 0.0
  local ints = 0
  for i = 1, n do
    local h = lazy[i]
    acc = acc + h * 2.0 - 1.0
    ints = ints + i % 3
  end
  local tail = lazy[n] + acc / 4
  return acc, ints, tail
end
for _ = 1, 3 do print(sum(500)) end  -- expect: 124750.0	501	31437.5 -- expect: 124750.0	501	31437.5 -- expect: 124750.0	501	31437.5

-- A metamethod that errors after some float work: the message and the values before it.
local bad = setmetatable({}, { __add = function() error('no adding', 0) end })
local function failing(x)
  local y = x * 1.25
  local ok, msg = pcall(function() return bad + y end)
  return y + 0.5, ok, msg
end
for i = 1, 3 do print(failing(i)) end  -- expect: 1.75	false	no adding -- expect: 3.0	false	no adding -- expect: 4.25	false	no adding

-- __index and __newindex functions in a function without loops, called often.
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return #k + 0.25 end,
  __newindex = function(_, k, val) log[#log + 1] = k .. '=' .. tostring(val) end,
})
local function touch(i)
  local a = proxy.alpha * i
  proxy.beta = a / 2
  local b = proxy.gamma + a
  return a, b
end
local ta, tb = 0, 0
for i = 1, 300 do
  local a, b = touch(i)
  ta, tb = ta + a, tb + b
end
print(ta, tb, #log, log[1], log[300])  -- expect: 237037.5	238612.5	300	beta=2.625	beta=787.5
