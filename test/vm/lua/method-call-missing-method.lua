-- Calling a missing method names it.
local obj = {}
print(pcall(function() obj:missing() end))  -- expect: false	method-call-missing-method.lua:3: attempt to call a nil value (method 'missing')
local s = "str"
print(pcall(function() return s:nope() end))  -- expect: false	method-call-missing-method.lua:5: attempt to call a nil value (method 'nope')
obj:gone(1)
-- expect error: method-call-missing-method.lua:6: attempt to call a nil value (method 'gone')
