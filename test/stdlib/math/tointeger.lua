-- tointeger: integers, integral floats and numeric strings convert; anything else is nil.
print(math.tointeger(3), math.tointeger(3.0), math.tointeger(-0.0), math.tointeger(3.5))  -- expect: 3	3	0	nil
print(math.tointeger("8"), math.tointeger("8.0"), math.tointeger("8.5"), math.tointeger("0x10"))  -- expect: 8	8	nil	16
print(math.tointeger(2^53), math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(math.huge))  -- expect: 9007199254740992	nil	-9223372036854775808	nil
print(math.tointeger(math.mininteger .. ""), math.tointeger(math.maxinteger .. ""))  -- expect: -9223372036854775808	9223372036854775807
print(math.tointeger({}), math.tointeger(nil), math.tointeger(0/0), math.tointeger(math.pi))  -- expect: nil	nil	nil	nil
print(pcall(math.tointeger))  -- expect: false	bad argument #1 to 'math.tointeger' (value expected)
