-- The length from __len must be an integer (strings that convert are accepted).
local t = setmetatable({}, {__len = function() return 2.5 end})
print(pcall(table.insert, t, 1))  -- expect: false	object length is not an integer
t = setmetatable({}, {__len = function() return "abc" end})
print(pcall(table.insert, t, 1))  -- expect: false	object length is not an integer
t = setmetatable({}, {__len = function() return "3" end})
table.insert(t, "x")
print(rawget(t, 4))  -- expect: x
t = setmetatable({}, {__len = function() return 2.0 end})
table.insert(t, "y")
print(rawget(t, 3))  -- expect: y
