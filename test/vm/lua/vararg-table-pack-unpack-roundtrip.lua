-- table.pack and table.unpack keep trailing nils via n.
local function roundtrip(...)
  local p = table.pack(...)
  return table.unpack(p, 1, p.n)
end
print(select("#", roundtrip(1, nil, nil)))  -- expect: 3
print(roundtrip(nil, 2, nil))  -- expect: nil	2	nil
