-- __index as a function receives the table and the key.
local t = setmetatable({}, {__index = function(self, k) return k .. "!" end})
print(t.hello, t[1], rawget(t, "hello"))  -- expect: hello!	1!	nil
local calls = 0
local u = setmetatable({}, {__index = function(self, k) calls = calls + 1 return nil end})
print(u.a, u.b, calls)  -- expect: nil	nil	2
