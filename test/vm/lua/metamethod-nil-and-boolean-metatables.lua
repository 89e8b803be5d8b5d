-- debug.setmetatable on nil and booleans.
debug.setmetatable(nil, {__index = function() return "nil-index" end, __len = function() return 0 end})
local x
print(x.anything, #x)  -- expect: nil-index	0
debug.setmetatable(nil, nil)
debug.setmetatable(true, {__concat = function(a, b) return tostring(a) .. tostring(b) end})
print(true .. "!", "?" .. false)  -- expect: true!	?false
debug.setmetatable(true, nil)
