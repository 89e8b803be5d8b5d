-- tostring and print use __tostring.
local t = setmetatable({}, {__tostring = function(self) return "<object>" end})
print(t, tostring(t))  -- expect: <object>	<object>
print(string.format("%s|%s", t, 1))  -- expect: <object>|1
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))  -- expect: true	42
