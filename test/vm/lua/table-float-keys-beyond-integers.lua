-- Float keys outside the integer range stay floats.
local t = {}
t[2^63] = "big"
t[math.maxinteger] = "max"
print(t[2^63], t[math.maxinteger], t[math.maxinteger + 0.0])  -- expect: big	max	big
local k = next({[2^63] = 1})
print(k, math.type(k))  -- expect: 9.2233720368548e+18	float
local t2 = {[-2^63] = "min"}
print(t2[math.mininteger], math.type(next(t2)))  -- expect: min	integer
