-- Argument checks of table.sort.
print(pcall(table.sort))  -- expect: false	bad argument #1 to 'table.sort' (table expected, got no value)
print(pcall(table.sort, 1))  -- expect: false	bad argument #1 to 'table.sort' (table expected, got number)
print(pcall(table.sort, {3, 1, 2}, 3))  -- expect: false	bad argument #2 to 'table.sort' (function expected, got number)
print(pcall(table.sort, {3, 1, 2}, {}))  -- expect: false	bad argument #2 to 'table.sort' (function expected, got table)
print(pcall(table.sort, {1}, 3))  -- expect: true
local huge = setmetatable({}, {__len = function() return math.maxinteger end})
print(pcall(table.sort, huge))  -- expect: false	bad argument #1 to 'table.sort' (array too big)
local neg = setmetatable({}, {__len = function() return -1 end})
print(pcall(table.sort, neg, error))  -- expect: true
