-- Runtime errors name methods.
local obj = {}
print(pcall(function() obj:run() end))  -- expect: false	error-message-method.lua:3: attempt to call a nil value (method 'run')
print(pcall(function() obj.sub:run() end))  -- expect: false	error-message-method.lua:4: attempt to index a nil value (field 'sub')
print(pcall(function() ("x"):nomethod() end))  -- expect: false	error-message-method.lua:5: attempt to call a nil value (method 'nomethod')
