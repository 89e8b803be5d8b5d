-- __tostring must return a string.
local t = setmetatable({}, {__tostring = function() return nil end})
print(pcall(tostring, t))
print(pcall(print, t))
local u = setmetatable({}, {__tostring = function() return "ok" end, __name = "N"})
print(tostring(u))

-- expect: false	'__tostring' must return a string
-- expect: false	'__tostring' must return a string
-- expect: ok
