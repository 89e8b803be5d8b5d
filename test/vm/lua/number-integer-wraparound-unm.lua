-- Negating mininteger wraps to itself.
print(-math.mininteger)  -- expect: -9223372036854775808
print(-math.mininteger == math.mininteger)  -- expect: true
print(-(-math.maxinteger))  -- expect: 9223372036854775807
local m = math.mininteger
print(-m, math.type(-m))  -- expect: -9223372036854775808	integer
print(math.abs(math.mininteger))  -- expect: -9223372036854775808
