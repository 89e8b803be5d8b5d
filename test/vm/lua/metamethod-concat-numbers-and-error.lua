-- Concatenating nil or booleans names the operand.
local t = {}
print(pcall(function() return "a" .. nil end))  -- expect: false	metamethod-concat-numbers-and-error.lua:3: attempt to concatenate a nil value
print(pcall(function() return "a" .. t.x end))  -- expect: false	metamethod-concat-numbers-and-error.lua:4: attempt to concatenate a nil value (field 'x')
print(pcall(function() local b = true return b .. "" end))  -- expect: false	metamethod-concat-numbers-and-error.lua:5: attempt to concatenate a boolean value (local 'b')
print(pcall(function() return 1 .. {} end))  -- expect: false	metamethod-concat-numbers-and-error.lua:6: attempt to concatenate a table value
local u
print(pcall(function() return "x" .. u end))  -- expect: false	metamethod-concat-numbers-and-error.lua:8: attempt to concatenate a nil value (upvalue 'u')
