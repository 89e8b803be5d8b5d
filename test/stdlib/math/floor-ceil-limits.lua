-- The int64 boundary of floor and ceil.
print(math.floor(2^62), math.floor(2^63), math.floor(-2^63), math.ceil(-2^63))  -- expect: 4611686018427387904	9.2233720368548e+18	-9223372036854775808	-9223372036854775808
print(math.ceil(2^53 + 0.0), math.floor(-2^53 - 0.0), math.ceil(-2^63 - 1025))  -- expect: 9007199254740992	-9007199254740992	-9.2233720368548e+18
print(math.floor(math.maxinteger), math.ceil(math.mininteger))  -- expect: 9223372036854775807	-9223372036854775808
print(math.floor(math.mininteger + 0.0), math.ceil(2^63 - 1024))  -- expect: -9223372036854775808	9223372036854774784
print(math.floor(1e50) == 1e50, math.type(math.floor(1e50)))  -- expect: true	float
for p = 50, 60 do io.write(math.floor(2^p + 0.5) == 2^p and "y" or "n") end  -- expect: yyyyyyyyyyy
print()
