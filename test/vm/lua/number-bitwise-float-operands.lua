-- Floats with integral values are accepted by bitwise operators.
print(3.0 & 1, 2.0 | 1.0, 1.0 << 2, ~0.0, 2^62 | 0)  -- expect: 1	3	4	-1	4611686018427387904
print(math.type(3.0 & 1))  -- expect: integer
print(pcall(function() return "3" & 1 end))  -- expect: false	number-bitwise-float-operands.lua:4: attempt to perform bitwise operation on a string value (constant '3')
print(-0.0 | 0)  -- expect: 0
