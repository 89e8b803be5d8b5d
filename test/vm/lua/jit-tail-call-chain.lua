-- Tail calls between compiled functions: the callee runs from the tail-calling function's
-- JS frame, bounded in depth; Lua's stack stays constant however long the chain.

local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + 1)
end
for _ = 1, 3 do print(count(1000000, 0)) end  -- expect: 1000000 -- expect: 1000000 -- expect: 1000000

local isEven, isOdd
function isEven(n) if n == 0 then return true end return isOdd(n - 1) end
function isOdd(n) if n == 0 then return false end return isEven(n - 1) end
print(isEven(300001), isOdd(300001))  -- expect: false	true

-- results counts adjusted as the original caller asked
local function three(a) return a, a + 1, a + 2 end
local function via(a) return three(a) end
local function via2(a) return via(a) end
for i = 1, 300 do local x, y, z = via2(i); assert(x == i and z == i + 2) end
print(via2(10))  -- expect: 10	11	12
print((via2(10)))  -- expect: 10
print(select('#', via2(1)))  -- expect: 3

-- an error three tail calls deep, caught
local function fail(x) error('bad ' .. x) end
local function hop1(x) return fail(x) end
local function hop2(x) return hop1(x) end
for i = 1, 300 do assert(not pcall(hop2, i)) end
print(pcall(hop2, 'y'))  -- expect: false	jit-tail-call-chain.lua:25: bad y
print(select(2, xpcall(hop2, function (m) return (debug.traceback(m, 1):gsub('\n.*', '')) end, 'z')))  -- expect: jit-tail-call-chain.lua:25: bad z

-- a yield in a tail-called function, inside a coroutine
local function gen(i) coroutine.yield(i); return i * 2 end
local function step(i) return gen(i) end
local co = coroutine.wrap(function ()
  local s = 0
  for i = 1, 500 do s = s + step(i) end
  return s
end)
local last
for _ = 1, 501 do last = co() end
print(last)  -- expect: 250500

-- tail call to a method looked up through __index, building objects (the oop shape)
local P = {}; P.__index = P
function P.new(x) return setmetatable({ x = x }, P) end
function P:inc() return P.new(self.x + 1) end
local p = P.new(0)
for _ = 1, 100000 do p = p:inc() end
print(p.x, getmetatable(p) == P)  -- expect: 100000	true
