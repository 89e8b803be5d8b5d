-- table.insert(t, v) appends at #t + 1.
local t = {}
for i = 1, 5 do table.insert(t, i * 10) end
print(#t, table.concat(t, " "))  -- expect: 5	10 20 30 40 50
table.insert(t, "x")
print(#t, t[6])  -- expect: 6	x
local h = {1, 2, nil, 4}
table.insert(h, 5)
print(#h, h[5])  -- expect: 5	5
table.insert(t, nil)
print(#t)  -- expect: 6
