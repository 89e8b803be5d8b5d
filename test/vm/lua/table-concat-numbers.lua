-- table.concat converts numbers and rejects other values.
print(table.concat({1, 2.5, "x", -0.0}, "-"))  -- expect: 1-2.5-x--0.0
print(table.concat({}, ","), table.concat({"a"}, ","), table.concat({1, 2, 3}, ", ", 2, 3))  -- expect: 	a	2, 3
print(pcall(table.concat, {1, {}, 3}))  -- expect: false	invalid value (table) at index 2 in table for 'concat'
print(pcall(table.concat, {1, 2}, ",", 1, 3))  -- expect: false	invalid value (nil) at index 3 in table for 'concat'
