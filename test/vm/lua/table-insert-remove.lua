-- table.insert and table.remove shift elements.
local t = {1, 2, 3}
table.insert(t, 4)
table.insert(t, 1, 0)
print(table.concat(t, ","))  -- expect: 0,1,2,3,4
print(table.remove(t), table.remove(t, 1), table.concat(t, ","))  -- expect: 4	0	1,2,3
print(table.remove({}), #t)  -- expect: nil	3
print(pcall(table.insert, t, 10, 1))  -- expect: false	bad argument #2 to 'table.insert' (position out of bounds)
print(pcall(table.insert, t, 1, 2, 3))  -- expect: false	wrong number of arguments to 'insert'
