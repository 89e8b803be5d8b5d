-- A table with a hash-part tail and a comparator that tolerates nils.
local t = {}
for i = 10, 1, -1 do t[i] = i * 3 % 7 end
table.sort(t)
print(table.concat(t, " "))  -- expect: 0 1 2 2 3 3 4 5 6 6
local h = {5, 4, nil, 2, 1}
table.sort(h, function(a, b)
  if a == nil then return false elseif b == nil then return true end
  return a < b
end)
print(h[1], h[2], h[3], h[4], h[5])  -- expect: 1	2	4	5	nil
