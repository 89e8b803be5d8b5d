-- Calling a value without __call is an error naming it.
local t = {}
print(pcall(function() t() end))  -- expect: false	metamethod-call-not-callable.lua:3: attempt to call a table value (upvalue 't')
print(pcall(function() local x = 5 x() end))  -- expect: false	metamethod-call-not-callable.lua:4: attempt to call a number value (local 'x')
print(pcall(function() t.field() end))  -- expect: false	metamethod-call-not-callable.lua:5: attempt to call a nil value (field 'field')
print(pcall(function() undefinedfn() end))  -- expect: false	metamethod-call-not-callable.lua:6: attempt to call a nil value (global 'undefinedfn')
local s = setmetatable({}, {__call = 42})
print(pcall(s))  -- expect: false	attempt to call a number value
