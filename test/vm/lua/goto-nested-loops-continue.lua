-- continue with goto in nested loops.
local out = {}
for i = 1, 3 do
  for j = 1, 3 do
    if j == i then goto next_j end
    out[#out + 1] = i .. j
    ::next_j::
  end
end
print(table.concat(out, " "))  -- expect: 12 13 21 23 31 32
