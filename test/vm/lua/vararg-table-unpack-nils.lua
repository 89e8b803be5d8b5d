-- table.unpack honours n-less tables with nils.
print(table.unpack({1, nil, 3}))  -- expect: 1	nil	3
print(table.unpack({nil, nil, 3}, 1, 3))  -- expect: nil	nil	3
