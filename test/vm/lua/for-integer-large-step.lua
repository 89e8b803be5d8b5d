-- Large steps do not overflow.
for i = 1, math.maxinteger, math.maxinteger // 2 do io.write(i, " ") end  -- expect: 1 4611686018427387904 9223372036854775807 
print()
for i = 0, math.mininteger, math.mininteger do io.write(i, " ") end  -- expect: 0 -9223372036854775808 
print()
for i = math.maxinteger, 0, math.mininteger do io.write(i, " ") end  -- expect: 9223372036854775807 
print()
