-- pi, huge, maxinteger, mininteger.
print(math.pi, math.huge, -math.huge)  -- expect: 3.1415926535898	inf	-inf
print(math.maxinteger, math.mininteger)  -- expect: 9223372036854775807	-9223372036854775808
print(math.type(math.pi), math.type(math.huge), math.type(math.maxinteger), math.type(math.mininteger))  -- expect: float	float	integer	integer
print(math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)  -- expect: true	true
print(string.format("%.17g", math.pi))  -- expect: 3.1415926535897931
print(math.huge > 1e308, -math.huge < -1e308)  -- expect: true	true
