-- table.pack records the count, nils included.
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])  -- expect: 4	1	nil	3	nil
local e = table.pack()
print(e.n, #e)  -- expect: 0	0
