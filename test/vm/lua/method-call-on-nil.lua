-- Calling a method on nil names the variable.
local obj
print(pcall(function() obj:m() end))  -- expect: false	method-call-on-nil.lua:3: attempt to index a nil value (upvalue 'obj')
print(pcall(function() undefinedglobal:m() end))  -- expect: false	method-call-on-nil.lua:4: attempt to index a nil value (global 'undefinedglobal')
local t = {}
print(pcall(function() t.field:m() end))  -- expect: false	method-call-on-nil.lua:6: attempt to index a nil value (field 'field')
