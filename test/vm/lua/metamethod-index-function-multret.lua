-- Only the first result of __index is used.
local t = setmetatable({}, {__index = function() return 1, 2, 3 end})
print(t.x)  -- expect: 1
local a, b = t.x
print(a, b)  -- expect: 1	nil
