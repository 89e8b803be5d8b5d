-- An integer loop to maxinteger stops without wrapping.
local n = 0
for i = math.maxinteger - 2, math.maxinteger do n = n + 1 io.write(i, " ") end  -- expect: 9223372036854775805 9223372036854775806 9223372036854775807 3
print(n)
for i = math.mininteger, math.mininteger + 2 do io.write(i, " ") end  -- expect: -9223372036854775808 -9223372036854775807 -9223372036854775806 
print()
for i = math.mininteger + 2, math.mininteger, -1 do io.write(i, " ") end  -- expect: -9223372036854775806 -9223372036854775807 -9223372036854775808 
print()
