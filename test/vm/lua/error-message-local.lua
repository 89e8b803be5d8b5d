-- Runtime errors name local variables.
local t
print(pcall(function() local x; return x.field end))  -- expect: false	error-message-local.lua:3: attempt to index a nil value (local 'x')
print(pcall(function() local x; x.field = 1 end))  -- expect: false	error-message-local.lua:4: attempt to index a nil value (local 'x')
print(pcall(function() local x; x() end))  -- expect: false	error-message-local.lua:5: attempt to call a nil value (local 'x')
print(pcall(function() local x = {}; return x + 1 end))  -- expect: false	error-message-local.lua:6: attempt to perform arithmetic on a table value (local 'x')
t.field = 1
-- expect error: error-message-local.lua:7: attempt to index a nil value (local 't')
