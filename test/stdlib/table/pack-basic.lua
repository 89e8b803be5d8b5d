-- table.pack stores the arguments and their number in field n.
local t = table.pack()
print(t.n, #t, next(t))  -- expect: 0	0	n	0
t = table.pack(1, 2, 3)
print(t.n, t[1], t[2], t[3])  -- expect: 3	1	2	3
t = table.pack(nil, nil, nil)
print(t.n, t[1], t[3])  -- expect: 3	nil	nil
t = table.pack(1, nil, 3, nil)
print(t.n, t[1], t[2], t[3], t[4])  -- expect: 4	1	nil	3	nil
t = table.pack(table)
print(t.n, t[1] == table)  -- expect: 1	true
