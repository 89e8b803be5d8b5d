-- math.tointeger converts exactly or fails.
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(2^63), math.tointeger(-2^63))  -- expect: 3	nil	nil	-9223372036854775808
print(math.tointeger("8"), math.tointeger({}), math.tointeger(5), math.tointeger(-0.0))  -- expect: 8	nil	5	0
print(math.tointeger(2^53), math.tointeger(0/0), math.tointeger(math.huge))  -- expect: 9007199254740992	nil	nil
