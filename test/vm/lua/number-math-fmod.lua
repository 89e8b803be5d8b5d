-- math.fmod truncates toward zero.
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7, -3))  -- expect: 1	-1	1	-1
print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(1, 0.0) ~= math.fmod(1, 0.0))  -- expect: 1.5	-1.5	true
print(math.fmod(math.mininteger, -1), math.fmod(5, math.huge))  -- expect: 0	5.0
print(pcall(math.fmod, 1, 0))  -- expect: false	bad argument #2 to 'math.fmod' (zero)
