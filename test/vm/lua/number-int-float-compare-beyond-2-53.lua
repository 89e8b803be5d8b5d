-- Comparisons between integers and floats are exact beyond 2^53.
local i = 9007199254740993  -- 2^53 + 1
local f = 2.0^53
print(i > f, i >= f, i < f, i <= f, i == f)  -- expect: true	true	false	false	false
print(f < i, f <= i, f > i)  -- expect: true	true	false
print(math.maxinteger < 2^63, math.maxinteger <= 2^63, math.maxinteger > 2^63)  -- expect: true	true	false
print(math.mininteger < -2^63, math.mininteger <= -2^63, math.mininteger == -2^63)  -- expect: false	true	true
print(math.maxinteger < math.huge, math.mininteger > -math.huge)  -- expect: true	true
print((1 << 62) + 1 > 2.0^62, (1 << 62) + 1 < 2.0^62)  -- expect: true	false
print(math.maxinteger - 1 < 9223372036854775807.0)  -- expect: true
