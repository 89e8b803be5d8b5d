-- Sign handling in math functions.
print(math.abs(-0.0), math.max(-0.0, 0.0), math.min(0.0, -0.0), -0.0 + 0.0)  -- expect: 0.0	-0.0	0.0	0.0
print(math.sqrt(-0.0), math.fmod(-0.0, 1), math.ceil(-0.5))  -- expect: -0.0	-0.0	0
