-- A float for loop computes start + k*step? No: it accumulates.
local vals = {}
for x = 0, 0.3, 0.1 do vals[#vals + 1] = string.format("%.17g", x) end
print(table.concat(vals, " "))  -- expect: 0 0.10000000000000001 0.20000000000000001
