-- Many values through select and table.pack.
local t = {}
for i = 1, 5000 do t[i] = i end
local p = table.pack(table.unpack(t))
print(p.n, select("#", table.unpack(t)), select(5000, table.unpack(t)))  -- expect: 5000	5000	5000
