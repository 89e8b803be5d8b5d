-- __len on tables.
local t = setmetatable({1, 2}, {__len = function(self) return rawlen(self) * 100 end})
print(#t)  -- expect: 200
local u = setmetatable({}, {__len = function(self, x) return x == self end})
print(#u)  -- expect: true
