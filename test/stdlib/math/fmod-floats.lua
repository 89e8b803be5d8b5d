-- fmod of floats: C's fmod, sign of the dividend.
print(math.fmod(5.5, 2), math.fmod(-5.5, 2), math.fmod(5.5, -2), math.fmod(-5.5, -2))  -- expect: 1.5	-1.5	1.5	-1.5
print(math.fmod(1, math.huge), math.fmod(-1, -math.huge), math.fmod(0.0, 1), math.fmod(-0.0, -1))  -- expect: 1.0	-1.0	0.0	-0.0
print(math.fmod(math.huge, 1), math.fmod(2^53, 3), math.fmod(7, 2.5))  -- expect: -nan	2.0	2.0
print(math.fmod(0/0, 1), math.fmod(-(0/0), 1), math.fmod(1, 0/0), math.fmod(1, -(0/0)))  -- expect: -nan	nan	-nan	nan
