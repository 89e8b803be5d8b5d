-- table.concat joins strings and numbers (integers and floats as tostring writes them).
print(table.concat({"a", "b", "c"}))  -- expect: abc
print(table.concat({"a", "b", "c"}, ", "))  -- expect: a, b, c
print(table.concat({1, 2.5, 3.0, -0.0, "x"}, "|"))  -- expect: 1|2.5|3.0|-0.0|x
print(table.concat({1, 2, 3, 4, 5}, "-", 2, 4))  -- expect: 2-3-4
print(table.concat({1, 2, 3}, "-", 3))  -- expect: 3
print(table.concat({math.maxinteger, math.mininteger, 1e100}, " "))  -- expect: 9223372036854775807 -9223372036854775808 1e+100
print(table.concat({"a\0b", "c"}, "\0") == "a\0b\0c")  -- expect: true
