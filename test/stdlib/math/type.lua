-- math.type tells integers from floats; non-numbers give nil (fail).
print(math.type(1), math.type(1.0), math.type(-0.0), math.type(2^63), math.type(math.mininteger))  -- expect: integer	float	float	float	integer
print(math.type("1"), math.type(nil), math.type({}), math.type(0/0))  -- expect: nil	nil	nil	float
print(pcall(math.type))  -- expect: false	bad argument #1 to 'math.type' (value expected)
