-- table.remove returns the removed element and shifts the rest down.
local t = {1, 2, 3, 4, 5}
print(table.remove(t), #t)  -- expect: 5	4
print(table.remove(t, 1), #t, table.concat(t, ","))  -- expect: 1	3	2,3,4
print(table.remove(t, 2), #t, table.concat(t, ","))  -- expect: 3	2	2,4
print(table.remove(t, #t + 1), #t)  -- expect: nil	2
local q = {}
for i = 1, 1000 do q[i] = i end
local s = 0
while #q > 0 do s = s + table.remove(q, 1) end
print(s)  -- expect: 500500
