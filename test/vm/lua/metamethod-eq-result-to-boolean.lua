-- The result of __eq is converted to a boolean.
local mt = {__eq = function() return "yes" end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, a ~= b)  -- expect: true	false
local mt2 = {__eq = function() return nil end}
local c, d = setmetatable({}, mt2), setmetatable({}, mt2)
print(c == d, c ~= d)  -- expect: false	true
