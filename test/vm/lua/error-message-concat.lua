-- Concatenation errors name the bad operand.
local t = {}
print(pcall(function() return "a" .. t end))  -- expect: false	error-message-concat.lua:3: attempt to concatenate a table value (upvalue 't')
print(pcall(function() local x = {} return x .. "a" end))  -- expect: false	error-message-concat.lua:4: attempt to concatenate a table value (local 'x')
print(pcall(function() return t.name .. "!" end))  -- expect: false	error-message-concat.lua:5: attempt to concatenate a nil value (field 'name')
print(pcall(function() return "a" .. true end))  -- expect: false	error-message-concat.lua:6: attempt to concatenate a boolean value
print(pcall(function() return 1 .. nil end))  -- expect: false	error-message-concat.lua:7: attempt to concatenate a nil value
