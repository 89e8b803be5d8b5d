-- Which functions return integers and which floats.
print(math.floor(3.7), math.sqrt(4), math.abs(-4), math.abs(-4.0), math.fmod(7, 2), math.fmod(7.0, 2))  -- expect: 3	2.0	4	4.0	1	1.0
print(math.max(1, 2), math.max(1.0, 2.0), math.min(1, 2.0), math.exp(0), math.deg(0), math.rad(0))  -- expect: 2	2.0	1	1.0	0.0	0.0
print(math.pow and math.pow(2, 3), math.log(1, 2), math.modf(5), math.ceil(-0.1))  -- expect: 8.0	0.0	5	0
