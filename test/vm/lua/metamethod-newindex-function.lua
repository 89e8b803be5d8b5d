-- __newindex as a function receives table, key and value.
local log = {}
local t = setmetatable({}, {__newindex = function(self, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v) end})
t.a = 1
t[2] = "two"
t.a = 3
print(table.concat(log, " "), rawget(t, "a"))  -- expect: a=1 2=two a=3	nil
