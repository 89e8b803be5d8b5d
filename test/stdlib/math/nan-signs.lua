-- NaN signs print as on x86 Linux: 0/0 is -nan; abs and negation give nan.
local nan, pnan = 0/0, -(0/0)
print(nan, pnan, math.abs(nan), math.abs(pnan))  -- expect: -nan	nan	nan	nan
print(math.sqrt(nan), math.sqrt(pnan), math.sqrt(-2))  -- expect: -nan	nan	-nan
print(math.floor(nan), math.floor(pnan), math.exp(pnan), math.log(-2))  -- expect: -nan	nan	nan	-nan
print(math.log(-2, 10), math.log10(-2), math.asin(2), math.acos(-2))  -- expect: nan	nan	nan	nan
print(math.fmod(pnan, nan), math.fmod(nan, pnan), math.fmod(1, 0.0))  -- expect: nan	-nan	-nan
print(math.atan(nan, pnan), math.atan(pnan, nan))  -- expect: nan	-nan
print(math.log(2, pnan), math.log(-1, -1))  -- expect: nan	-nan
