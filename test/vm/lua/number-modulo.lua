-- Modulo takes the sign of the divisor.
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)  -- expect: 1	2	-2	-1
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)  -- expect: 1.5	0.5	-0.5	-1.5
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge)  -- expect: 5.0	inf	-inf	-5.0
print(math.mininteger % -1, math.mininteger % 2, math.maxinteger % -2)  -- expect: 0	0	-1
print(1 % 0.0 ~= 1 % 0.0, math.type(6 % 3.0))  -- expect: true	float
print(0.0 % 1, -0.0 % 1)  -- expect: 0.0	-0.0
print(3 % math.mininteger, -3 % math.mininteger)  -- expect: -9223372036854775805	-3
