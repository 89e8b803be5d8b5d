-- Error messages for compile-time constants.
local c <const> = 10
local s <const> = "str"
print(pcall(function() return c() end))  -- expect: false	const-error-names.lua:4: attempt to call a number value
print(pcall(function() return c.x end))  -- expect: false	const-error-names.lua:5: attempt to index a number value
print(pcall(function() return s.x.y end))  -- expect: false	const-error-names.lua:6: attempt to index a nil value (field 'x')
print(pcall(function() return c .. {} end))  -- expect: false	const-error-names.lua:7: attempt to concatenate a table value
