-- math.abs keeps the subtype; abs(mininteger) wraps; abs of a NaN is the positive NaN.
print(math.abs(-3), math.abs(3), math.abs(0))  -- expect: 3	3	0
print(math.abs(-2.5), math.abs(-0.0), math.abs(-math.huge))  -- expect: 2.5	0.0	inf
print(math.abs(math.mininteger), math.abs(math.mininteger + 1))  -- expect: -9223372036854775808	9223372036854775807
print(math.abs(-2^53), math.abs(-(2^63)))  -- expect: 9.007199254741e+15	9.2233720368548e+18
print(math.abs("-3"), math.abs(" 7 "))  -- expect: 3.0	7.0
print(math.abs(0/0), math.abs(-(0/0)))  -- expect: nan	nan
print(math.type(math.abs(-3)), math.type(math.abs(-3.0)))  -- expect: integer	float
