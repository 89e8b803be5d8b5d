-- Any value except nil and NaN can be a key.
local t = {}
local f = function() end
local u = {}
t[f] = "function"; t[u] = "table"; t[true] = "true"; t[false] = "false"; t["s"] = "string"; t[1.5] = "float"
print(t[f], t[u], t[true], t[false], t.s, t[1.5])  -- expect: function	table	true	false	string	float
t[math.huge] = "inf"; t[-math.huge] = "-inf"
print(t[1/0], t[-1/0])  -- expect: inf	-inf
