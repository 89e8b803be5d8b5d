-- arithmetic on non-numeric strings: lstrlib's messages
print(pcall(function() return "a" + 1 end))  -- expect: false	arith-errors.lua:2: attempt to add a 'string' with a 'number'
print(pcall(function() local s = "abc" return s * 2 end))  -- expect: false	arith-errors.lua:3: attempt to mul a 'string' with a 'number'
print(pcall(function() return 1 - "x" end))  -- expect: false	arith-errors.lua:4: attempt to sub a 'number' with a 'string'
print(pcall(function() return "a" .. "b" + 1 end))  -- expect: false	arith-errors.lua:5: attempt to add a 'string' with a 'number'
print(pcall(function() local s = "a" return -s end))  -- expect: false	arith-errors.lua:6: attempt to unm a 'string' with a 'string'
print(pcall(function() return "10" + {} end))  -- expect: false	arith-errors.lua:7: attempt to add a 'string' with a 'table'
print(pcall(function() return {} + "10" end))  -- expect: false	arith-errors.lua:8: attempt to add a 'table' with a 'string'
print(pcall(function() return "1" + true end))  -- expect: false	arith-errors.lua:9: attempt to add a 'string' with a 'boolean'
print(pcall(function() return "1\0" + 1 end))  -- expect: false	arith-errors.lua:10: attempt to add a 'string' with a 'number'
print(pcall(function() return "" + 1 end))  -- expect: false	arith-errors.lua:11: attempt to add a 'string' with a 'number'
print(pcall(function() return "10" // "0" end))  -- expect: false	attempt to divide by zero
print(pcall(function() return "10" % "0" end))  -- expect: false	attempt to perform 'n%0'
local t = {}
print(pcall(function() return "x" / t end))  -- expect: false	arith-errors.lua:15: attempt to div a 'string' with a 'table'
local s = "zz"
print(s ^ 2)
-- expect error: arith-errors.lua:17: attempt to pow a 'string' with a 'number'
