-- min and max return the first extreme argument unchanged (subtype kept).
print(math.min(3, 1.0, 2), math.max(3, 1.0, 2), math.max(1, 3.0, 3))  -- expect: 1.0	3	3.0
print(math.min(1), math.max(-0.0), math.min(0.0, -0.0), math.max(0.0, -0.0))  -- expect: 1	-0.0	0.0	0.0
print(math.min(math.mininteger, 2^63), math.max(math.maxinteger, -2^63))  -- expect: -9223372036854775808	9223372036854775807
print(math.max(1, 0/0), math.max(0/0, 1), math.min(2, 0/0, 1))  -- expect: 1	-nan	1
print(math.min("10", "9"), math.max("a", "b"), math.max({1}) ~= nil)  -- expect: 10	b	true
local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(math.max(a, b).v, math.min(b, a).v)  -- expect: 2	1
