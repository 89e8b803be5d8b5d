-- __newindex is not called for keys already present.
local log = {}
local t = setmetatable({a = 1}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
t.a = 2
t.b = 3
t.b = 4
print(t.a, t.b, table.concat(log, ","))  -- expect: 2	4	b
t.a = nil
t.a = 5
print(table.concat(log, ","))  -- expect: b,a
