-- __name gives the type name in tostring and error messages.
local t = setmetatable({}, {__name = "MyType"})
print((tostring(t):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))  -- expect: MyType: ADDR
print(pcall(function() return t + 1 end))  -- expect: false	metamethod-name.lua:4: attempt to perform arithmetic on a MyType value (upvalue 't')
print(pcall(function() return #t < 1 end))  -- expect: true	true
print(pcall(string.rep, t))  -- expect: false	bad argument #1 to 'string.rep' (string expected, got MyType)
