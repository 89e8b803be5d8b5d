-- Integer fmod by zero is an argument error; float fmod by zero is NaN.
print(pcall(math.fmod, 3, 0))  -- expect: false	bad argument #2 to 'math.fmod' (zero)
print(math.fmod(3, 0.0), math.fmod(3.0, 0))  -- expect: -nan	-nan
print(pcall(math.fmod, 3))  -- expect: false	bad argument #2 to 'math.fmod' (number expected, got no value)
math.fmod(1, 0)
-- expect error: fmod-zero.lua:5: bad argument #2 to 'fmod' (zero)
