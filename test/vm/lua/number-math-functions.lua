-- Common math functions.
print(math.sqrt(16), math.sqrt(2), math.exp(0), math.log(1), math.log(8, 2), math.log(100, 10), math.log(27, 3))  -- expect: 4.0	1.4142135623731	1.0	0.0	3.0	2.0	3.0
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1) * 2 == math.pi, math.atan(1, 1) * 4 == math.pi)  -- expect: 0.0	1.0	0.0	true	true
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(math.huge), math.modf(-math.huge))  -- expect: 3	-3	5	inf	-inf	0.0
print(math.atan(0, -1) == math.pi, math.atan(-0.0, -1) == -math.pi, math.log(0))  -- expect: true	true	-inf
