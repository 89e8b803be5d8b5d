-- Runtime errors name fields.
local t = {inner = {}}
print(pcall(function() return t.missing.x end))  -- expect: false	error-message-field.lua:3: attempt to index a nil value (field 'missing')
print(pcall(function() t.missing() end))  -- expect: false	error-message-field.lua:4: attempt to call a nil value (field 'missing')
print(pcall(function() return t.inner.deep.x end))  -- expect: false	error-message-field.lua:5: attempt to index a nil value (field 'deep')
print(pcall(function() return t.inner.count + 1 end))  -- expect: false	error-message-field.lua:6: attempt to perform arithmetic on a nil value (field 'count')
print(pcall(function() return t[1].x end))  -- expect: false	error-message-field.lua:7: attempt to index a nil value (field 'integer index')
local k = "dyn"
print(pcall(function() return t[k].x end))  -- expect: false	error-message-field.lua:9: attempt to index a nil value (field '?')
