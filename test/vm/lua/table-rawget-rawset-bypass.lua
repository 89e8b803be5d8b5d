-- rawget and rawset bypass metamethods.
local t = setmetatable({}, {__index = function() return "mm" end, __newindex = function() error("no") end})
print(t.x, rawget(t, "x"))  -- expect: mm	nil
rawset(t, "x", 1)
print(t.x, rawget(t, "x"))  -- expect: 1	1
print(pcall(function() t.y = 2 end))  -- expect: false	table-rawget-rawset-bypass.lua:2: no
print(rawequal(t, t), rawequal(t, {}), rawequal(1, 1.0), rawequal("a", "a"))  -- expect: true	false	true	true
print(pcall(rawset, 1, 2, 3))  -- expect: false	bad argument #1 to 'rawset' (table expected, got number)
print(pcall(rawget, "x", 1))  -- expect: false	bad argument #1 to 'rawget' (table expected, got string)
