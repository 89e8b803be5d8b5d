-- table.remove at #t + 1 and on an empty table.
local t = {1, 2, 3}
print(table.remove(t, 4), #t)  -- expect: nil	3
print(table.remove(t, #t + 1))  -- expect: nil
local e = {}
print(table.remove(e, 0), table.remove(e, #e), #e)  -- expect: nil	nil	0
print(pcall(table.remove, {1, 2, 3}, 7))  -- expect: false	bad argument #1 to 'table.remove' (position out of bounds)
