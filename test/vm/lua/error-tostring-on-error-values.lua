-- error with a table that has __tostring, caught.
local e = setmetatable({}, {__tostring = function() return "E!" end})
local ok, v = pcall(error, e)
print(ok, tostring(v), v == e)  -- expect: false	E!	true
