-- Method calls (`obj:m(x)`) get no inline path for math functions or setmetatable in compiled
-- code (jit-spills.ts, methodCall); natives reached that way must still work, and the values
-- kept in registers across such calls must survive them.

local mt = { __index = function(_, k) return 'missing ' .. k end }
local obj = { setmetatable = setmetatable, abs = math.abs, floor = math.floor }
local count, acc, last = 0, 0.5, nil
for i = 1, 2000 do
  local t = obj:setmetatable(mt)           -- setmetatable(obj, mt)
  local shifted = i * 1.5
  count = count + (t == obj and 1 or 0)
  local ok, err = pcall(obj.abs, obj)      -- math.abs(obj): an error
  acc = acc + shifted / 3
  last = err
end
print(count, acc, last, obj.nothing)  -- expect: 2000	1000500.5	bad argument #1 to 'math.abs' (number expected, got table)	missing nothing

-- A class whose methods are plain Lua functions, called in a loop with float and integer
-- locals live across the calls.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({ x = x, y = y }, Vec) end
function Vec:add(o) return Vec.new(self.x + o.x, self.y + o.y) end
function Vec:scale(k) return Vec.new(self.x * k, self.y * k) end
function Vec:len2() return self.x * self.x + self.y * self.y end
local v, w = Vec.new(0, 0), Vec.new(0.25, -1)
local ints, floats = 0, 0.0
for i = 1, 3000 do
  v = v:add(w)
  ints = ints + i % 5
  floats = floats + v:len2() * 1e-6
  if i % 1000 == 0 then v = v:scale(0.5) end
end
print(v.x, v.y, ints, string.format('%.6f', floats))  -- expect: 218.75	-875.0	6000	3256.828656
