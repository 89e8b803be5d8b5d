-- __name appears in argument errors.
local obj = setmetatable({}, {__name = "Thing"})
print(pcall(math.floor, obj))  -- expect: false	bad argument #1 to 'math.floor' (number expected, got Thing)
print(pcall(string.upper, obj))  -- expect: false	bad argument #1 to 'string.upper' (string expected, got Thing)
print(pcall(ipairs))  -- expect: false	bad argument #1 to 'ipairs' (value expected)
