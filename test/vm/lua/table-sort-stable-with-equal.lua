-- Sorting numbers with duplicates and a reverse comparator.
local t = {3, 1, 2, 3, 1, 2, 5, 5, 0}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))  -- expect: 5 5 3 3 2 2 1 1 0
