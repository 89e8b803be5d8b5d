-- __len overrides '#' for tables but not rawlen.
local t = setmetatable({1, 2, 3}, {__len = function(self) return 42 end})
print(#t, rawlen(t))  -- expect: 42	3
local u = setmetatable({}, {__len = function() return "not a number" end})
print(#u)  -- expect: not a number
local v = setmetatable({}, {__len = function() return 1, 2 end})
print(#v)  -- expect: 1
