-- setmetatable called from compiled code (hot loops and `return setmetatable(...)`
-- constructors) behaves as the library function: protected metatables, nil to remove,
-- bad arguments, finalizers and weak modes registered, a replaced global respected.
local Class = {}
Class.__index = Class
function Class.new(v) return setmetatable({ v = v }, Class) end
local sum = 0
for i = 1, 500 do sum = sum + Class.new(i).v end
print(sum, getmetatable(Class.new(1)) == Class)

local t = {}
for i = 1, 300 do setmetatable(t, i % 2 == 0 and Class or nil) end
print(getmetatable(t) == Class)
for i = 1, 301 do setmetatable(t, i % 2 == 0 and Class or nil) end
print(getmetatable(t))

local protected = setmetatable({}, { __metatable = 'locked' })
local ok, err
for i = 1, 300 do ok, err = pcall(setmetatable, protected, {}) end
print(ok, err)
local function reset(x) return setmetatable(x, {}) end
for i = 1, 300 do ok, err = pcall(reset, i < 300 and {} or protected) end
print(ok, err)
for i = 1, 300 do ok, err = pcall(reset, i < 300 and {} or 'str') end
print(ok, err)
local function bad(x, m) local r = setmetatable(x, m) return r end
for i = 1, 300 do ok, err = pcall(bad, {}, i < 300 and {} or 42) end
print(ok, err)

local finalized = 0
local Fin = { __gc = function() finalized = finalized + 1 end }
local function make() return setmetatable({}, Fin) end
for i = 1, 300 do make() end
collectgarbage()
collectgarbage()
print(finalized)

local weak = setmetatable({}, { __mode = 'k' })
local function weaken(x) return setmetatable(x, { __mode = 'k' }) end
for i = 1, 300 do weak = weaken({}) end
weak[{}] = 1
collectgarbage()
print(next(weak))

local real = setmetatable
setmetatable = function(x, m) return 'replaced' end
local r
for i = 1, 300 do r = setmetatable({}, {}) end
print(r)
setmetatable = real

-- expect: 125250	true
-- expect: true
-- expect: nil
-- expect: false	cannot change a protected metatable
-- expect: false	setmetatable-in-hot-code.lua:21: cannot change a protected metatable
-- expect: false	setmetatable-in-hot-code.lua:21: bad argument #1 to 'setmetatable' (table expected, got string)
-- expect: false	setmetatable-in-hot-code.lua:26: bad argument #2 to 'setmetatable' (nil or table expected, got number)
-- expect: 300
-- expect: nil
-- expect: replaced
