-- "^" always gives a float.
print(2 ^ 2, 2 ^ 0.5, 2 ^ -1, (-2) ^ 2, -2 ^ 2)  -- expect: 4.0	1.4142135623731	0.5	4.0	-4.0
print(math.type(2^2), 10 ^ 15, 10 ^ 16, 2 ^ 63)  -- expect: float	1e+15	1e+16	9.2233720368548e+18
print(0 ^ 0, 0 ^ -1, (-8) ^ (1/3) ~= (-8) ^ (1/3))  -- expect: 1.0	inf	true
print(2 ^ 3 ^ 2, (2 ^ 3) ^ 2)  -- expect: 512.0	64.0
