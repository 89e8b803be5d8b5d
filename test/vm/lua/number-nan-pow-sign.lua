-- The sign of a NaN from `^` is what glibc's pow gives on x86-64: pow(x, NaN) is the first
-- NaN operand, pow(NaN, y) is NaN * NaN, negated for a negative NaN and an odd integer y
-- (pow(-nan, 1) is "nan"); `x ^ 2` is x * x. 0/0 is the negative default NaN.
local n = 0/0
print(n, n^1, (-n)^1, n^2)  -- expect: -nan	nan	nan	-nan
print(n^3, n^-1, n^4, n^0.5, (-n)^0.5)  -- expect: nan	nan	-nan	-nan	nan
print(2^n, 2^-n, n^-n, (-n)^n)  -- expect: -nan	nan	-nan	nan
print(math.pow(n, 1), math.pow(n, 2), math.pow(-n, 3))  -- expect: nan	-nan	nan
