-- An error in the comparator propagates out of table.sort.
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("boom") end))  -- expect: false	sort-comparator-error.lua:2: boom
local ok, e = pcall(table.sort, {3, 2, 1}, function(a, b) error({code = 7}) end)
print(ok, type(e), e.code)  -- expect: false	table	7
table.sort({2, 1}, function(a, b) return a.x < b.x end)
-- expect error: sort-comparator-error.lua:5: attempt to index a number value (local 'a')
