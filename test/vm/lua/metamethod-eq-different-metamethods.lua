-- Two tables with different __eq: the first operand's is used.
local a = setmetatable({}, {__eq = function() return "a" end})
local b = setmetatable({}, {__eq = function() return false end})
print(a == b, b == a)  -- expect: true	false
