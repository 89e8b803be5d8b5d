-- "/" always gives a float.
print(4 / 2, 1 / 3, -1 / 0, 0 / -1)  -- expect: 2.0	0.33333333333333	-inf	-0.0
print(math.type(4 / 2), 7 / 7)  -- expect: float	1.0
print(math.maxinteger / 1, math.mininteger / -1)  -- expect: 9.2233720368548e+18	9.2233720368548e+18
print(1 / -0.0, 0 / 0 ~= 0 / 0)  -- expect: -inf	true
