-- NaNs make the order inconsistent: the outcome is whatever Lua's algorithm gives.
local nan = 0/0
local t = {3, 1, 2, nan, 5, nan, 1}
table.sort(t)
print(table.concat(t, " "))  -- expect: 1 5 -nan -nan 1 2 3
print(pcall(table.sort, {1, nan, 2, nan, 3, 5, 4, nan, 1, 2, 3}))  -- expect: true
local u = {nan, nan, nan}
table.sort(u)
print(#u)  -- expect: 3
