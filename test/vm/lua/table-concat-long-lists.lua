-- table.concat of long lists (joined in groups of pieces): the separator between every two
-- elements, numbers converted as tostring does, at and around the group boundaries.
local function manual(t, sep, i, j)
  local s = ''
  for k = i, j do
    s = s .. tostring(t[k])
    if k < j then s = s .. sep end
  end
  return s
end

local t = {}
for k = 1, 20000 do
  t[k] = (k % 3 == 0) and k or (k % 3 == 1) and (k + 0.5) or ('s' .. k)
end
for _, n in ipairs({1, 4095, 4096, 4097, 8192, 8193, 12289, 20000}) do
  for _, sep in ipairs({'', ',', '<->'}) do
    assert(table.concat(t, sep, 1, n) == manual(t, sep, 1, n), n)
  end
end
print(#table.concat(t), #table.concat(t, ', '))  -- expect: 108895	148893
print(table.concat(t, '|', 4095, 4098))  -- expect: 4095|4096.5|s4097|4098
print(table.concat(t, '', 19999, 20000))  -- expect: 19999.5s20000

-- An error beyond the first group still names its index.
t[9000] = {}
print(pcall(table.concat, t, ','))  -- expect: false	invalid value (table) at index 9000 in table for 'concat'
