-- Mixed arithmetic gives a float; integer arithmetic stays integer.
print(1 + 2, 1 + 2.0, 1 - 1.0, 2 * 3, 2 * 3.0)  -- expect: 3	3.0	0.0	6	6.0
print(math.type(1 + 2), math.type(1 + 2.0), math.type(10 // 3), math.type(10 // 3.0))  -- expect: integer	float	integer	float
print(math.maxinteger + 1.0, math.maxinteger + 0.0 == 2^63)  -- expect: 9.2233720368548e+18	true
print(-0.0 + 0, 0 + -0.0, -0.0 - 0.0, 0 * -1.0)  -- expect: 0.0	0.0	-0.0	-0.0
