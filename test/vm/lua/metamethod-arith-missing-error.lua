-- Arithmetic on a table without metamethods names the operand.
local t = {}
print(pcall(function() return t + 1 end))  -- expect: false	metamethod-arith-missing-error.lua:3: attempt to perform arithmetic on a table value (upvalue 't')
print(pcall(function() return 1 * t end))  -- expect: false	metamethod-arith-missing-error.lua:4: attempt to perform arithmetic on a table value (upvalue 't')
print(pcall(function() return -t end))  -- expect: false	metamethod-arith-missing-error.lua:5: attempt to perform arithmetic on a table value (upvalue 't')
print(pcall(function() return t.x + 1 end))  -- expect: false	metamethod-arith-missing-error.lua:6: attempt to perform arithmetic on a nil value (field 'x')
print(pcall(function() return t .. "x" end))  -- expect: false	metamethod-arith-missing-error.lua:7: attempt to concatenate a table value (upvalue 't')
print(pcall(function() return 2 ^ {} end))  -- expect: false	metamethod-arith-missing-error.lua:8: attempt to perform arithmetic on a table value
