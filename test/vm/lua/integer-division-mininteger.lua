-- mininteger divided by -1.
print(math.mininteger // -1, math.mininteger % -1, math.mininteger * -1)  -- expect: -9223372036854775808	0	-9223372036854775808
local a, b = math.mininteger, -1
print(a // b, a % b)  -- expect: -9223372036854775808	0
