-- Unary minus converts strings.
print(-"2", -"2.5", -"-2", -" 0x10 ")  -- expect: -2	-2.5	2	-16
print(math.type(-"2"), math.type(-"2.0"))  -- expect: integer	float
print(pcall(function() return -"x" end))  -- expect: false	number-unary-minus-string.lua:4: attempt to unm a 'string' with a 'string'
