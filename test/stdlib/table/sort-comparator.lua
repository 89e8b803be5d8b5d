-- A comparator defines the order; its results count only for truthiness.
local t = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))  -- expect: 9 6 5 5 5 4 3 3 2 1 1
local people = {{name = "bo", age = 30}, {name = "al", age = 25}, {name = "cy", age = 35}}
table.sort(people, function(a, b) return a.age < b.age end)
for _, p in ipairs(people) do print(p.name, p.age) end  -- expect: al	25 -- expect: bo	30 -- expect: cy	35
local u = {"b", "c", "a"}
table.sort(u, function(a, b) return a < b and 1 or nil end)
print(table.concat(u))  -- expect: abc
