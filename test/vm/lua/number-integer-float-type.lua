-- math.type distinguishes integers and floats.
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))  -- expect: integer	float	nil	nil
print(math.type(2^53), math.type(1 // 1), math.type(1.0 // 1))  -- expect: float	integer	float
print(math.type(3 / 1), math.type(7 % 2), math.type(7.0 % 2))  -- expect: float	integer	float
print(math.type(-0.0), math.type(0x10), math.type(0x10p0))  -- expect: float	integer	float
print(math.type(1e2), math.type(100), math.type(math.huge))  -- expect: float	integer	float
