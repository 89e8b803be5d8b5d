-- Out-of-range positions (lua5.4.4 reports them as argument #1).
print(pcall(table.remove, {}, 2))  -- expect: false	bad argument #1 to 'table.remove' (position out of bounds)
print(pcall(table.remove, {1, 2, 3}, 5))  -- expect: false	bad argument #1 to 'table.remove' (position out of bounds)
print(pcall(table.remove, {1, 2, 3}, -1))  -- expect: false	bad argument #1 to 'table.remove' (position out of bounds)
print(pcall(table.remove, {1, 2, 3}, "x"))  -- expect: false	bad argument #2 to 'table.remove' (number expected, got string)
print(pcall(table.remove, "abc"))  -- expect: false	bad argument #1 to 'table.remove' (table expected, got string)
table.remove({1, 2}, 7)
-- expect error: remove-errors.lua:7: bad argument #1 to 'remove' (position out of bounds)
