-- A descending loop down to mininteger stops there.
local n = 0
for i = math.mininteger + 1, math.mininteger, -1 do n = n + 1 end
print(n)  -- expect: 2
for i = -3, math.mininteger, math.maxinteger do io.write(i, " ") end
print()  -- expect: 
