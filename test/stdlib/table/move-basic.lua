-- table.move copies a1[f..e] to a2[t..], handling overlaps in either direction.
local function show(t, n) local o = {} for i = 1, n do o[i] = tostring(t[i]) end return table.concat(o, ",") end
print(show(table.move({10, 20, 30}, 1, 3, 2), 4))  -- expect: 10,10,20,30
print(show(table.move({10, 20, 30}, 1, 3, 3), 5))  -- expect: 10,20,10,20,30
print(show(table.move({10, 20, 30}, 2, 3, 1), 3))  -- expect: 20,30,30
local a = {}
print(table.move({10, 20, 30}, 1, 3, 1, a) == a, show(a, 3))  -- expect: true	10,20,30
a = {}
print(table.move({10, 20, 30}, 1, 0, 3, a) == a, next(a))  -- expect: true	nil
local same = {1, 2, 3, 4}
table.move(same, 1, 4, 2, same)
print(show(same, 5))  -- expect: 1,1,2,3,4
