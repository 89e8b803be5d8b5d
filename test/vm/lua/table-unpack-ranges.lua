-- table.unpack with explicit ranges.
print(table.unpack({1, 2, 3}))  -- expect: 1	2	3
print(table.unpack({1, 2, 3}, 2))  -- expect: 2	3
print(table.unpack({1, 2, 3}, 2, 5))  -- expect: 2	3	nil	nil
print(table.unpack({1, 2, 3}, 3, 1))  -- expect: 
print(select("#", table.unpack({}, 1, 3)))  -- expect: 3
print(pcall(table.unpack, {}, 1, 1e8))  -- expect: false	too many results to unpack
