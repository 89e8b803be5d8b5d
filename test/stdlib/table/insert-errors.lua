-- Errors of table.insert.
print(pcall(table.insert, {}, 1, 2, 3))  -- expect: false	wrong number of arguments to 'insert'
print(pcall(table.insert, {}))  -- expect: false	wrong number of arguments to 'insert'
print(pcall(table.insert, {}, 3, "x"))  -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, {}, 0, "x"))  -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, {1, 2}, -1, "x"))  -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, {1, 2}, math.mininteger, "x"))  -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, nil, 1))  -- expect: false	bad argument #1 to 'table.insert' (table expected, got nil)
print(pcall(table.insert, {}, "x", 1))  -- expect: false	bad argument #2 to 'table.insert' (number expected, got string)
print(pcall(table.insert, {}, 1.5, 1))  -- expect: false	bad argument #2 to 'table.insert' (number has no integer representation)
table.insert({1}, 5, 0)
-- expect error: insert-errors.lua:11: bad argument #2 to 'insert' (position out of bounds)
