-- __call makes tables callable.
local t = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(t(1, 2))  -- expect: called	1	2
print(pcall(t, "x"))  -- expect: true	called	x	nil
local c = setmetatable({}, {__call = t})
print(select("#", pcall(c, 1)), select(3, pcall(c, 1)) == c)  -- expect: 4	true
