-- Bitwise operators on non-numbers.
print(pcall(function() return {} & 1 end))  -- expect: false	number-bitwise-type-errors.lua:2: attempt to perform bitwise operation on a table value
print(pcall(function() return 1 | "x" end))  -- expect: false	number-bitwise-type-errors.lua:3: attempt to perform bitwise operation on a string value (constant 'x')
print(pcall(function() return ~nil end))  -- expect: false	number-bitwise-type-errors.lua:4: attempt to perform bitwise operation on a nil value
print(pcall(function() return true << 1 end))  -- expect: false	number-bitwise-type-errors.lua:5: attempt to perform bitwise operation on a boolean value
local t = {}
print(pcall(function() return t.x ~ 1 end))  -- expect: false	number-bitwise-type-errors.lua:7: attempt to perform bitwise operation on a nil value (field 'x')
local s = "abc"
print(s >> 1)
-- expect error: number-bitwise-type-errors.lua:9: attempt to perform bitwise operation on a string value (local 's')
