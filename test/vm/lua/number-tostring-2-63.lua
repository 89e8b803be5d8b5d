-- Floats around 2^63 and integer conversions.
print(2^63, -2^63, math.tointeger(-2^63), math.tointeger(2^63))  -- expect: 9.2233720368548e+18	-9.2233720368548e+18	-9223372036854775808	nil
print(2^63 == math.maxinteger + 1.0, -2^63 == math.mininteger)  -- expect: true	true
print(string.format("%.0f", 2^63), math.floor(-2^63), pcall(math.floor, 2^63) )  -- expect: 9223372036854775808	-9223372036854775808	true	9.2233720368548e+18
