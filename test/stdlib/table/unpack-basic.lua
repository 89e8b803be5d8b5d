-- table.unpack returns t[i], ..., t[j] (default 1 and #t).
print(table.unpack({1, 2, 3}))  -- expect: 1	2	3
print(table.unpack({1, 2, 3}, 2))  -- expect: 2	3
print(table.unpack({1, 2, 3}, 2, 5))  -- expect: 2	3	nil	nil
print(table.unpack({1, 2, 3}, -1, 1))  -- expect: nil	nil	1
print(select("#", table.unpack({1, 2, 3}, 3, 2)))  -- expect: 0
print(select("#", table.unpack({}, 1, 0)))  -- expect: 0
local a = {}
for i = 1, 2000 do a[i] = i end
print(select("#", table.unpack(a)), select(2000, table.unpack(a)))  -- expect: 2000	2000
print(table.unpack({1, 2}, 1.0, 2.0))  -- expect: 1	2
