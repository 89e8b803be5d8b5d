-- __eq is called only for two tables (or two userdata) that are not raw-equal.
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1 return a.id == b.id end}
local a = setmetatable({id = 1}, mt)
local b = setmetatable({id = 1}, mt)
local c = setmetatable({id = 2}, mt)
print(a == b, a ~= b, a == c, a == a, calls)  -- expect: true	false	false	true	3
print(a == 1, a == "x", a == nil, calls)  -- expect: false	false	false	3
local plain = {id = 1}
print(a == plain, plain == a, calls)  -- expect: true	true	5
