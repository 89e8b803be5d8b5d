-- Without a comparator, elements must be comparable with <.
print(pcall(table.sort, {3, 1, "x"}))  -- expect: false	attempt to compare string with number
print(pcall(table.sort, {3, 1, nil, 4}))  -- expect: false	attempt to compare nil with number
print(pcall(table.sort, {{}, {}}))  -- expect: false	attempt to compare two table values
print(pcall(table.sort, {1, true}))  -- expect: false	attempt to compare boolean with number
print(pcall(table.sort, {"a", 1, "b"}))  -- expect: false	attempt to compare number with string
local named = setmetatable({}, {__name = "MyType"})
print(pcall(table.sort, {named, 1}))  -- expect: false	attempt to compare number with MyType
table.sort({2, 1, {}})
-- expect error: attempt to compare table with number
