-- the string metatable: methods through __index = string
local mt = getmetatable("")
print(type(mt), mt.__index == string)  -- expect: table	true
print(("abc"):upper(), ("%d-%d"):format(1, 2), ("x"):rep(3))  -- expect: ABC	1-2	xxx
local s = "hello"
print(s:len(), #s, s:byte(1), s:find("l"))  -- expect: 5	5	104	3	3
string.shout = function(x) return x:upper() .. "!" end
print(s:shout())  -- expect: HELLO!
print(getmetatable("x") == getmetatable("y"))  -- expect: true
print(("abc").len == string.len, ("abc").nope)  -- expect: true	nil
print(pcall(function() return ("abc"):nope() end))  -- expect: false	metatable-index.lua:11: attempt to call a nil value (method 'nope')
