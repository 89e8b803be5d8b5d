-- Strings are converted to numbers in arithmetic.
print("10" + 1, "10" + 1.0, "3.5" * 2, "0x10" + 0, " 5 " - 1)  -- expect: 11	11.0	7.0	16	4
print(math.type("10" + 1), math.type("10" * "2"), math.type("1e1" + 0))  -- expect: integer	integer	float
print("10" / "4", "7" // "2", "7" % "3", "2" ^ "3", -"3", -"3.0")  -- expect: 2.5	3	1	8.0	-3	-3.0
print("9223372036854775807" + 0, "9223372036854775808" + 0)  -- expect: 9223372036854775807	9.2233720368548e+18
print(pcall(function() return 10 .. "" + 1 end))  -- expect: false	number-string-coercion-arith.lua:6: attempt to add a 'string' with a 'number'
print(pcall(function() return "10" + {} end))  -- expect: false	number-string-coercion-arith.lua:7: attempt to add a 'string' with a 'table'
