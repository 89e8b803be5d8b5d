-- Arithmetic on a missing field names it.
local t = {}
print(pcall(function() return t.count + 1 end))  -- expect: false	metamethod-arith-on-nil-field-message.lua:3: attempt to perform arithmetic on a nil value (field 'count')
print(pcall(function() return 1 - t.count end))  -- expect: false	metamethod-arith-on-nil-field-message.lua:4: attempt to perform arithmetic on a nil value (field 'count')
print(pcall(function() return t[1] * 2 end))  -- expect: false	metamethod-arith-on-nil-field-message.lua:5: attempt to perform arithmetic on a nil value (field 'integer index')
