-- Argument checks of table.concat.
print(pcall(table.concat))  -- expect: false	bad argument #1 to 'table.concat' (table expected, got no value)
print(pcall(table.concat, "abc"))  -- expect: false	bad argument #1 to 'table.concat' (table expected, got string)
print(pcall(table.concat, {}, {}))  -- expect: false	bad argument #2 to 'table.concat' (string expected, got table)
print(pcall(table.concat, {1, 2}, "", 1.5))  -- expect: false	bad argument #3 to 'table.concat' (number has no integer representation)
print(pcall(table.concat, {1, 2}, "", 1, "x"))  -- expect: false	bad argument #4 to 'table.concat' (number expected, got string)
print(table.concat({1, 2, 3}, 0))  -- expect: 10203
print(table.concat({1, 2, 3}, "", "2", 3.0))  -- expect: 23
