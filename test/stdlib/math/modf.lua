-- modf splits into an integral part (an integer when it fits) and a float fraction.
print(math.modf(3.5))  -- expect: 3	0.5
print(math.modf(-2.5))  -- expect: -2	-0.5
print(math.modf(-0.5))  -- expect: 0	-0.5
print(math.modf(3))  -- expect: 3	0.0
print(math.modf(math.mininteger))  -- expect: -9223372036854775808	0.0
print(math.modf(-3e23))  -- expect: -3e+23	0.0
print(math.modf(3e35))  -- expect: 3e+35	0.0
print(math.modf(math.huge))  -- expect: inf	0.0
print(math.modf(-math.huge))  -- expect: -inf	0.0
print(math.modf(0/0))  -- expect: -nan	-nan
print(math.modf(-(0/0)))  -- expect: nan	nan
print(math.modf("2.25"))  -- expect: 2	0.25
print(math.type((math.modf(3.5))), math.type(select(2, math.modf(3))))  -- expect: integer	float
