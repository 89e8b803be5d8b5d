-- pairs visits every key once.
local t = {x = 1, y = 2, z = 3, 10, 20, [3.5] = "f", [true] = "b"}
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))  -- expect: 1 2 3.5 true x y z
