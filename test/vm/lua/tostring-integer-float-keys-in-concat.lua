-- Number-to-string conversion in table.concat.
print(table.concat({1, 2.0, -0.0, 1e100, 2^63, math.mininteger}, " "))  -- expect: 1 2.0 -0.0 1e+100 9.2233720368548e+18 -9223372036854775808
