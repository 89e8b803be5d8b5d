-- Moves at the edges of the integer range.
local maxI, minI = math.maxinteger, math.mininteger
local a = table.move({[maxI - 2] = 1, [maxI - 1] = 2, [maxI] = 3}, maxI - 2, maxI, -10, {})
print(a[-10], a[-9], a[-8])  -- expect: 1	2	3
a = table.move({[minI] = 1, [minI + 1] = 2, [minI + 2] = 3}, minI, minI + 2, -10, {})
print(a[-10], a[-9], a[-8])  -- expect: 1	2	3
a = table.move({45}, 1, 1, maxI)
print(a[1], a[maxI])  -- expect: 45	45
a = table.move({[maxI] = 100}, maxI, maxI, minI)
print(a[minI], a[maxI])  -- expect: 100	100
local pos1, pos2
local t = setmetatable({}, {
  __index = function(_, k) pos1 = k end,
  __newindex = function(_, k) pos2 = k; error() end,
})
print(pcall(table.move, t, 0, maxI - 1, 1), pos1, pos2)  -- expect: false	9223372036854775806	9223372036854775807
print(pcall(table.move, t, minI, -2, -5), pos1, pos2)  -- expect: false	-2	9223372036854775801
