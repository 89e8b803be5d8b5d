-- __eq is taken from the first operand, else the second.
local a = setmetatable({}, {__eq = function() return true end})
local b = {}
print(a == b, b == a)  -- expect: true	true
local c = setmetatable({}, {__eq = function() return false end})
print(a == c, c == a)  -- expect: true	false
