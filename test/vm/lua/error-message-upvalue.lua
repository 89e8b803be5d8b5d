-- Runtime errors name upvalues.
local u
local n = "str"
print(pcall(function() return u.x end))  -- expect: false	error-message-upvalue.lua:4: attempt to index a nil value (upvalue 'u')
print(pcall(function() u() end))  -- expect: false	error-message-upvalue.lua:5: attempt to call a nil value (upvalue 'u')
print(pcall(function() return n + {} end))  -- expect: false	error-message-upvalue.lua:6: attempt to add a 'string' with a 'table'
print(pcall(function() return -u end))  -- expect: false	error-message-upvalue.lua:7: attempt to perform arithmetic on a nil value (upvalue 'u')
