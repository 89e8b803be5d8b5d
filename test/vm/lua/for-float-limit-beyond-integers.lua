-- Float limits beyond the integer range.
local n = 0
for i = math.maxinteger - 1, 2^63 do n = n + 1 end
print(n)  -- expect: 2
n = 0
for i = math.mininteger + 1, -2^63, -1 do n = n + 1 end
print(n)  -- expect: 2
for i = 1, 0.5 do print("never") end
for i = 0, 0.0 do io.write(i, " ") end  -- expect: 0 integer
print(math.type(0))
