-- Argument checks and 5.4.4's overflow checks of table.move.
local maxI, minI = math.maxinteger, math.mininteger
print(pcall(table.move, 1, 2, 3, 4))  -- expect: false	bad argument #1 to 'table.move' (table expected, got number)
print(pcall(table.move, {}, 1, 2))  -- expect: false	bad argument #4 to 'table.move' (number expected, got no value)
print(pcall(table.move, {}, 1, 2, 3, 4))  -- expect: false	bad argument #5 to 'table.move' (table expected, got number)
print(pcall(table.move, {}, 0, maxI, 1))  -- expect: false	bad argument #3 to 'table.move' (too many elements to move)
print(pcall(table.move, {}, -1, maxI - 1, 1))  -- expect: false	bad argument #3 to 'table.move' (too many elements to move)
print(pcall(table.move, {}, minI, -1, 1))  -- expect: false	bad argument #3 to 'table.move' (too many elements to move)
print(pcall(table.move, {}, 1, maxI, 2))  -- expect: false	bad argument #4 to 'table.move' (destination wrap around)
print(pcall(table.move, {}, 1, 2, maxI))  -- expect: false	bad argument #4 to 'table.move' (destination wrap around)
print(pcall(table.move, {}, minI, -2, 2))  -- expect: false	bad argument #4 to 'table.move' (destination wrap around)
table.move({}, 1, 2, maxI)
-- expect error: move-errors.lua:12: bad argument #4 to 'move' (destination wrap around)
