-- fmod of integers truncates toward zero (C's %) and stays an integer.
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7, -3))  -- expect: 1	-1	1	-1
print(math.fmod(6, 3), math.fmod(-6, 3), math.type(math.fmod(7, 3)))  -- expect: 0	0	integer
print(math.fmod(math.mininteger, -1), math.fmod(math.maxinteger, -1))  -- expect: 0	0
print(math.fmod(math.mininteger, 3), math.fmod(3, math.mininteger), math.fmod(-3, math.mininteger))  -- expect: -2	3	-3
print(math.fmod(math.mininteger, math.mininteger), math.fmod(math.maxinteger, math.maxinteger))  -- expect: 0	0
print(math.fmod(math.mininteger + 1, math.mininteger), math.fmod(math.maxinteger - 1, math.maxinteger))  -- expect: -9223372036854775807	9223372036854775806
print(math.fmod("7", 3), math.type(math.fmod("7", 3)))  -- expect: 1.0	float
