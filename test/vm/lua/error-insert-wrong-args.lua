-- table.insert checks its argument count and position.
print(pcall(table.insert, {}))  -- expect: false	wrong number of arguments to 'insert'
print(pcall(table.insert, {}, 1, 2, 3))  -- expect: false	wrong number of arguments to 'insert'
print(pcall(table.insert, {}, 5, 1))  -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, {}, 0, 1))  -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.remove, {}, 5))  -- expect: false	bad argument #1 to 'table.remove' (position out of bounds)
