-- table.move copies ranges, overlapping included.
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 2)
print(table.concat(t, ","))  -- expect: 1,1,2,3,5
local u = table.move({1, 2, 3}, 1, 3, 1, {})
print(table.concat(u, ","))  -- expect: 1,2,3
table.move(t, 2, 5, 1)
print(table.concat(t, ","))  -- expect: 1,2,3,5,5
print(pcall(table.move, {}, 1, math.maxinteger, 2))  -- expect: false	bad argument #4 to 'table.move' (destination wrap around)
