-- math.pow (LUA_COMPAT_MATHLIB): always a float, C's special cases.
print(math.pow(2, 3), math.pow(2, 0.5), math.pow(2, -1), math.pow(-8, 1/3))  -- expect: 8.0	1.4142135623731	0.5	-nan
print(math.pow(0, 0), math.pow(0/0, 0), math.pow(1, 0/0), math.pow(-1, math.huge))  -- expect: 1.0	1.0	1.0	1.0
print(math.pow(0, -1), math.pow(-0.0, -1), math.pow(10, 308), math.pow(10, 309))  -- expect: inf	-inf	1e+308	inf
print(math.pow(-(0/0), 1), math.pow(2, -(0/0)), math.pow(2, 0/0))  -- expect: nan	nan	-nan
print(pcall(math.pow, 2))  -- expect: false	bad argument #2 to 'math.pow' (number expected, got no value)
