-- LUA_COMPAT_MATHLIB registers math_atan under two names: one function.
print(math.atan2 == math.atan, math.atan2(1, 2) == math.atan(1, 2))  -- expect: true	true
print(math.atan2(0, -1), math.atan2(-0.0, -1))  -- expect: 3.1415926535898	-3.1415926535898
