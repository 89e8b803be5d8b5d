-- errors in method calls on strings name the method and count arguments from 1
local s = "abc"
print(pcall(function() return s:rep() end))  -- expect: false	method-errors.lua:3: bad argument #1 to 'rep' (number expected, got no value)
print(pcall(function() return s:rep("x") end))  -- expect: false	method-errors.lua:4: bad argument #1 to 'rep' (number expected, got string)
print(pcall(function() return s:byte({}) end))  -- expect: false	method-errors.lua:5: bad argument #1 to 'byte' (number expected, got table)
print(pcall(function() return s:find() end))  -- expect: false	method-errors.lua:6: bad argument #1 to 'find' (string expected, got no value)
print(pcall(function() return s:char(300) end))  -- expect: false	method-errors.lua:7: calling 'char' on bad self (number expected, got string)
print(pcall(function() return string.rep(s) end))  -- expect: false	method-errors.lua:8: bad argument #2 to 'rep' (number expected, got no value)
print(pcall(function() return s:format(1) end))  -- expect: true	abc
s:gsub("b", true)
-- expect error: method-errors.lua:10: bad argument #2 to 'gsub' (string/function/table expected, got boolean)
