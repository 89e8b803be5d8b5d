-- string.format("%s"): __tostring and __name
local t = setmetatable({}, {__tostring = function() return "I am t" end})
print(string.format("%s", t))  -- expect: I am t
print(string.format("[%10s]", t))  -- expect: [    I am t]
print(string.format("[%-8s]", setmetatable({}, {__tostring = function() return "x" end})))  -- expect: [x       ]
local named = setmetatable({}, {__name = "Point"})
print((string.format("%s", named):gsub("0x%x+", "ADDR")))  -- expect: Point: ADDR
print(string.format("%s %s", nil, false))  -- expect: nil false
print(string.format("%.3s", t))  -- expect: I a
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() return {} end})))  -- expect: false	'__tostring' must return a string
print(pcall(string.format, "%5s", "a\0b"))  -- expect: false	bad argument #2 to 'string.format' (string contains zeros)
print(#string.format("%s", "a\0b"))  -- expect: 3
print(#string.format("%5s", string.rep("x", 200)))  -- expect: 200
