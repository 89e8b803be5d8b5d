-- strings have no bitwise metamethods in 5.4: bitwise operators on strings fail
print(pcall(function() return "3" & 1 end))  -- expect: false	arith-no-bitwise.lua:2: attempt to perform bitwise operation on a string value (constant '3')
print(pcall(function() local s = "3" return s | 1 end))  -- expect: false	arith-no-bitwise.lua:3: attempt to perform bitwise operation on a string value (local 's')
print(pcall(function() local s = "3" return ~s end))  -- expect: false	arith-no-bitwise.lua:4: attempt to perform bitwise operation on a string value (local 's')
print(pcall(function() local a, b = "1", "2" return a << b end))  -- expect: false	arith-no-bitwise.lua:5: attempt to perform bitwise operation on a string value (local 'a')
print(pcall(function() return 1 ~ "3" end))  -- expect: false	arith-no-bitwise.lua:6: attempt to perform bitwise operation on a string value (constant '3')
print(math.tointeger("3" + 0) & 1)  -- expect: 1
