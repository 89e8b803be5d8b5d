-- An inconsistent comparator raises "invalid order function for sorting".
local t = {}
for i = 1, 20 do t[i] = 21 - i end
local ok, e = pcall(table.sort, t, function(a, b) return true end)
print(ok, e)  -- expect: false	invalid order function for sorting
