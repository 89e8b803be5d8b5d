-- Integers and floats with the same value are equal.
print(3 == 3.0, 3 ~= 3.0, -0.0 == 0, 0.0 == -0.0)  -- expect: true	false	true	true
print(2^53 == 2^53 + 1, math.type(2^53))  -- expect: true	float
print(9007199254740993 == 2^53)  -- expect: false
print(9007199254740992 == 2^53)  -- expect: true
print(math.maxinteger == 2^63, math.maxinteger + 0.0 == 2^63)  -- expect: false	true
print(math.mininteger == -2^63)  -- expect: true
print(1 == 1.0000000000000002)  -- expect: false
