-- table.sort with and without a comparator.
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(table.concat(t, " "))  -- expect: 1 2 3 5 8 9
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))  -- expect: 9 8 5 3 2 1
local s = {"banana", "apple", "Cherry"}
table.sort(s)
print(table.concat(s, " "))  -- expect: Cherry apple banana
print(pcall(table.sort, {1, "x", 2}))  -- expect: false	attempt to compare string with number
