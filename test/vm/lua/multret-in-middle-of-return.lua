-- A call in the middle of a return list gives one value.
local function two() return 1, 2 end
local function f() return two(), two(), two() end
print(f())  -- expect: 1	1	1	2
