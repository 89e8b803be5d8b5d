-- Strings are not converted to numbers by bitwise operators (the string library has no bitwise metamethods).
print(pcall(function() return "3" & 1 end))  -- expect: false	number-string-bitwise-no-coercion.lua:2: attempt to perform bitwise operation on a string value (constant '3')
print(pcall(function() local s = "1" return s | 0 end))  -- expect: false	number-string-bitwise-no-coercion.lua:3: attempt to perform bitwise operation on a string value (local 's')
print(pcall(function() return ~"0" end))  -- expect: false	number-string-bitwise-no-coercion.lua:4: attempt to perform bitwise operation on a string value (constant '0')
print(pcall(function() return 1 << "2" end))  -- expect: false	number-string-bitwise-no-coercion.lua:5: attempt to perform bitwise operation on a string value (constant '2')
