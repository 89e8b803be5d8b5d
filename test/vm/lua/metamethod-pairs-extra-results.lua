-- pairs keeps only three results of __pairs.
local t = setmetatable({}, {__pairs = function() return 1, 2, 3, 4, 5 end})
print(pairs(t))  -- expect: 1	2	3
