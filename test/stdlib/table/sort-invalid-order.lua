-- An inconsistent comparator is detected during partitioning.
local function always(a, b) return true end
print(pcall(table.sort, {1, 2, 3, 4}, always))  -- expect: false	invalid order function for sorting
print(pcall(table.sort, {1, 2, 3, 4, 5}, always))  -- expect: false	invalid order function for sorting
print(pcall(table.sort, {1, 2, 3}, always))  -- expect: true
local t = {5, 4, 3, 2, 1, 0}
print(pcall(table.sort, t, function(a, b) return a <= b end))  -- expect: true
print(table.concat(t, ","))  -- expect: 0,1,2,3,4,5
table.sort({1, 2, 3, 4, 5, 6}, always)
-- expect error: sort-invalid-order.lua:9: invalid order function for sorting
