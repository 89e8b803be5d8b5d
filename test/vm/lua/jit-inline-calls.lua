-- Small Lua functions run in place at their call sites in compiled code (jit-inline.ts). The
-- inlined body takes only fast paths and leaves everything else to the real call, before any
-- effect: each case below makes a hot loop call a small function, then feeds it what the
-- fast paths do not cover, and checks that the results are Lua's. The call sites are inside
-- functions so that they are compiled with their upvalues set in both JIT modes.

-- spectral_norm's A: integer arithmetic, then float arithmetic on raw doubles.
local function A(i, j)
  local ij = i + j - 1
  return 1.0 / (ij * (ij - 1) * 0.5 + i)
end
local function sumA(n)
  local s = 0
  for i = 1, n do
    for j = 1, n do s = s + A(i, j) end
  end
  return s
end
print(sumA(40), A(1, 1), A(2, 1))  -- expect: 7.8759184576093	1.0	0.33333333333333
-- Arguments the fast paths do not take: strings, floats with integral values, huge
-- integers, a table with __add, nil (an error raised by the real call, with its names).
local function callA(x, y) return A(x, y) end
for _ = 1, 300 do callA(3, 4) end
print(callA("3", 4), callA(3.0, 4), callA(math.maxinteger, 1))  -- expect: 0.055555555555556	0.055555555555556	2.168404344971e-19
local meta = setmetatable({}, { __add = function() return 5 end })
print(callA(meta, 2))  -- expect: 0.2
print(pcall(callA, nil, 1))  -- expect: false	jit-inline-calls.lua:9: attempt to perform arithmetic on a nil value (local 'i')
print(select(2, pcall(callA, {}, 1)))  -- expect: jit-inline-calls.lua:9: attempt to perform arithmetic on a table value (local 'i')

-- Float results with integral values stay floats; NaNs keep their signs; -0.0 stays -0.0.
local function half(x) return x / 2 end
local function neg(x) return -x end
local function run(f, args)
  local out = {}
  for r = 1, 300 do
    for k = 1, #args do out[k] = f(args[k]) end
  end
  for k = 1, #out do out[k] = tostring(out[k]) end
  return table.concat(out, ' ')
end
print(run(half, { 4, 3, 1.0, -0.0, 0 }))  -- expect: 2.0 1.5 0.5 -0.0 0.0
print(run(neg, { 4, 0, 0.0, -0.0, 2.5, math.mininteger, 1 / 0 }))  -- expect: -4 0 -0.0 0.0 -2.5 -9223372036854775808 -inf
local nan = 0 / 0
print(run(neg, { nan, -nan }), run(half, { nan, -nan }))  -- expect: nan -nan	-nan nan

-- Integer arithmetic wraps around as in Lua; // and % by zero are the real call's errors.
local function inc(x) return x + 1 end
local function idiv(x, y) return x // y end
local function mod(x, y) return x % y end
print(run(inc, { 1, math.maxinteger, -1, 2.5 }))  -- expect: 2 -9223372036854775808 0 3.5
local function divs(n)
  local s = 0
  for i = 1, n do s = s + idiv(i, 3) + mod(i, 7) + idiv(i, 2.0) end
  return s
end
print(divs(1000), pcall(idiv, 1, 0))  -- expect: 419503.0	false	jit-inline-calls.lua:48: attempt to divide by zero
local function modz(n) for i = 1, n do mod(i, 3) end return mod(n, 0) end
print(pcall(modz, 500))  -- expect: false	jit-inline-calls.lua:49: attempt to perform 'n%0'

-- Closures of one function with different upvalues; fewer and more arguments than parameters.
local function adder(k) return function(v, w) return v + k end end
local add3, add4 = adder(3), adder(4)
local function addAll(n)
  local s = 0
  for i = 1, n do s = add3(s) + add4(i, 1) - add3(i, 2, 'extra') end
  return s
end
print(addAll(1000))  -- expect: 4000
local function pair(a, b) return b end
local function pairs2(n) local last for i = 1, n do last = pair(i) end return last end
print(pairs2(400))  -- expect: nil

-- The function at the call site changes: the guard sends the call to the new one.
local op = function(x) return x * 2 end
local function useOp(n) local s = 0 for i = 1, n do s = s + op(i) end return s end
print(useOp(500))  -- expect: 250500
op = function(x) return x * 3 end
print(useOp(500))  -- expect: 375750
op = print
print(pcall(useOp, 1))  -- expect: 1 -- expect: false	jit-inline-calls.lua:75: attempt to perform arithmetic on a nil value
op = setmetatable({}, { __call = function(_, x) return x + 0.5 end })
print(useOp(4))  -- expect: 12.0

-- Methods: table reads, a metatable's __index, and one write (the last effect).
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({ x = x, y = y, n = 0 }, Point) end
function Point:dot(o) return self.x * o.x + self.y * o.y end
function Point:tick() self.n = self.n + 1; return self end
function Point:getz() return self.z end
local function methods(n)
  local p, q = Point.new(1, 2), Point.new(3, 4)
  local s = 0
  for _ = 1, n do
    s = s + p:dot(q)
    p:tick()
  end
  return s, p.n, p:getz()
end
print(methods(1000))  -- expect: 11000	1000	nil
-- A field missing from a table with an __index function, a __newindex, a read-only proxy.
Point.z = 'class z'
local proxy = setmetatable({}, { __index = function(_, k) return k == 'x' and 10 or 20 end })
local logged = {}
local counted = setmetatable({ x = 1, y = 1 }, {
  __index = function(_, k) return k == 'n' and 100 or nil end,
  __newindex = function(t, k, v) logged[#logged + 1] = k .. '=' .. v; rawset(t, k, v) end,
})
local function mixed(n)
  local p = Point.new(1, 1)
  local s = 0
  for _ = 1, n do s = s + Point.dot(p, p) end
  s = s + Point.dot(proxy, p) + Point.dot(p, proxy)
  Point.tick(counted)
  Point.tick(counted)
  return s, p:getz(), counted.n, table.concat(logged, ',')
end
print(mixed(500))  -- expect: 1060	class z	102	n=101
print(pcall(Point.tick, { n = 'x' }))  -- expect: false	jit-inline-calls.lua:89: attempt to add a 'string' with a 'number'
local function tickAll(list) for i = 1, #list do Point.tick(list[i]) end return list[#list].n end
local many = {}
for i = 1, 400 do many[i] = { n = i } end
print(tickAll(many), pcall(tickAll, { { n = 1 }, 5 }))  -- expect: 401	false	jit-inline-calls.lua:89: attempt to index a number value (local 'self')

-- An upvalue write as the last effect, and an upvalue read.
local counter, step = 0, 2
local function bump() counter = counter + step end
local function bumps(n) for _ = 1, n do bump() end return counter end
print(bumps(300))  -- expect: 600
step = 'x'
print(pcall(bumps, 1))  -- expect: false	jit-inline-calls.lua:127: attempt to add a 'number' with a 'string'
print(counter)  -- expect: 600

-- Global and indexed reads, constants, `not`.
local function area(r) return math.pi * r * r end
local function second(t) return t[2] end
local function at(t, i) return t[i] end
local function absent(x) return not x end
local function greeting() return 'hi' end
local function reads(n, list)
  local s, flags = 0, 0
  for i = 1, n do
    s = s + area(i) + second(list) + at(list, i % 3 + 1)
    if absent(list[i]) then flags = flags + 1 end
  end
  return s, flags, greeting()
end
print(reads(300, { 1, 2, 3 }))  -- expect: 28417062.631352	297	hi
local strs = setmetatable({ '5' }, { __index = function(_, k) return k * 10 end })
print(reads(3, strs), pcall(reads, 1, { 1, 'x', 3 }))  -- expect: 158.98229715026	false	jit-inline-calls.lua:143: attempt to add a 'number' with a 'string'
print(pcall(at, {}, nil), at({ [1.5] = 'f', x = 'y' }, 1.5), at({ x = 'y' }, 'x'))  -- expect: true	f	y
local realMath = math
math = setmetatable({}, { __index = function() return 3 end })
print(reads(2, { 1, 2, 3 }))  -- expect: 24	0	hi
math = realMath

-- A function that returns nothing, and one whose result is dropped.
local function nothing(x) local y = x end
local function drop(n) local r = 0 for i = 1, n do r = nothing(i) end nothing(1) return r end
print(drop(300))  -- expect: nil

-- Inlined calls inside coroutines that yield around them, and hooks (which run no compiled code).
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(A(i, i) + inc(i)) end
  end)
end
local total = 0
for v in gen(500) do total = total + v end
print(total)  -- expect: 125751.43965952
local calls = 0
debug.sethook(function() calls = calls + 1 end, 'c')
local hooked = sumA(3)
debug.sethook()
print(hooked, calls > 9)  -- expect: 2.7630341880342	true
