-- Integer addition wraps around on 64 bits.
print(math.maxinteger + 1 == math.mininteger)  -- expect: true
print(math.maxinteger + 1)  -- expect: -9223372036854775808
print(math.mininteger - 1)  -- expect: 9223372036854775807
print(math.maxinteger + math.maxinteger)  -- expect: -2
print(math.mininteger + math.mininteger)  -- expect: 0
local x = math.maxinteger
x = x + 2
print(x, math.type(x))  -- expect: -9223372036854775807	integer
