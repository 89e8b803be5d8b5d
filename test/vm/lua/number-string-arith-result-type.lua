-- Coerced strings keep their numeric subtype.
print("1" + "1", "1.0" + "1", "0x10" * 1, "1e1" * 1)  -- expect: 2	2.0	16	10.0
print(math.type("7" + 0), math.type("7.0" + 0), math.type("0x7" + 0))  -- expect: integer	float	integer
print("  -5  " + 0, "+5" + 0)  -- expect: -5	5
print(pcall(function() return "0x" + 0 end))  -- expect: false	number-string-arith-result-type.lua:5: attempt to add a 'string' with a 'number'
