-- sqrt, exp and log always return floats.
print(math.sqrt(4), math.sqrt(2), math.sqrt(0), math.sqrt(-0.0), math.sqrt(math.huge))  -- expect: 2.0	1.4142135623731	0.0	-0.0	inf
print(math.sqrt(-1), math.sqrt(0/0), math.sqrt(-(0/0)))  -- expect: -nan	-nan	nan
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(710), math.exp(-1000))  -- expect: 1.0	2.718281828459	0.36787944117144	inf	0.0
print(math.log(1), math.log(10), math.log(0), math.log(-1), math.log(math.huge))  -- expect: 0.0	2.302585092994	-inf	-nan	inf
print(math.type(math.sqrt(4)), math.type(math.exp(0)), math.type(math.log(1)))  -- expect: float	float	float
