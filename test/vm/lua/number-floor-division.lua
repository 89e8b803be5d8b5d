-- Floor division rounds toward minus infinity.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)  -- expect: 3	-4	-4	3
print(7.0 // 2, -7.0 // 2, 7 // -2.0, -7.5 // 2)  -- expect: 3.0	-4.0	-4.0	-4.0
print(1 // 0.0, -1 // 0.0, 0.0 // 0.0 ~= 0.0 // 0.0)  -- expect: inf	-inf	true
print(math.mininteger // -1, math.maxinteger // -1)  -- expect: -9223372036854775808	-9223372036854775807
print(5 // 0.5, 3 // 2.5, math.type(3 // 2.5))  -- expect: 10.0	1.0	float
print(-0.0 // 1, 0.0 // -1)  -- expect: -0.0	-0.0
