-- A float loop with a small step ends at the right count.
local n = 0
for x = 0, 1, 0.1 do n = n + 1 end
print(n)  -- expect: 11
n = 0
for x = 1, 2, 1/3 do n = n + 1 end
print(n)  -- expect: 4
