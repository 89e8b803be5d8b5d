-- In a multiple assignment all expressions are evaluated before assigning.
local a = {}
local i = 3
i, a[i] = i + 1, 20
print(i, a[3], a[4])  -- expect: 4	20	nil
local x, y = 1, 2
x, y = y, x
print(x, y)  -- expect: 2	1
local t = {1, 2}
t[1], t[2] = t[2], t[1]
print(t[1], t[2])  -- expect: 2	1
