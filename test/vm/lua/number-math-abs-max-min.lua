-- math.abs, math.max and math.min keep the subtype of the chosen value.
print(math.abs(-3), math.abs(-3.0), math.abs(math.mininteger))  -- expect: 3	3.0	-9223372036854775808
print(math.max(1, 2.0), math.max(2.0, 1), math.max(3, 3.0), math.max(3.0, 3))  -- expect: 2.0	2.0	3	3.0
print(math.min(1, 2.0), math.min(-0.0, 0), math.min(0, -0.0))  -- expect: 1	-0.0	0
print(pcall(math.max))  -- expect: false	bad argument #1 to 'math.max' (value expected)
