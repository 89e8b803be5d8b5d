-- move reads through __index and writes through __newindex of the destination.
local src = setmetatable({}, {__index = function(_, k) return k * 10 end})
local log = {}
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. v; rawset(t, k, v) end})
table.move(src, 1, 4, 3, dst)
print(table.concat(log, " "))  -- expect: 3=10 4=20 5=30 6=40
-- the direction for overlapping ranges in two tables equal by __eq
local eq = {__eq = function() return true end}
local a = setmetatable({1, 2, 3, nil}, eq)
local b = setmetatable({}, eq)
local order = {}
setmetatable(b, {__eq = eq.__eq, __newindex = function(t, k, v) order[#order + 1] = k; rawset(t, k, v) end})
table.move(a, 1, 3, 2, b)
print(table.concat(order, ","))  -- expect: 4,3,2
