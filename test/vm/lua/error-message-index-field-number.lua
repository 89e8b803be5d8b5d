-- Indexing a non-table field names the field.
local t = {n = 5, s = "str", b = true}
print(pcall(function() return t.n.x end))  -- expect: false	error-message-index-field-number.lua:3: attempt to index a number value (field 'n')
print(pcall(function() return t.b.x end))  -- expect: false	error-message-index-field-number.lua:4: attempt to index a boolean value (field 'b')
print(pcall(function() t.n.x = 1 end))  -- expect: false	error-message-index-field-number.lua:5: attempt to index a number value (field 'n')
print(pcall(function() return t.s.x.y end))  -- expect: false	error-message-index-field-number.lua:6: attempt to index a nil value (field 'x')
