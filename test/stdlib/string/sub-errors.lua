-- string.sub: argument errors
print(pcall(string.sub))  -- expect: false	bad argument #1 to 'string.sub' (string expected, got no value)
print(pcall(string.sub, "hello"))  -- expect: false	bad argument #2 to 'string.sub' (number expected, got no value)
print(pcall(string.sub, "hello", 1.5))  -- expect: false	bad argument #2 to 'string.sub' (number has no integer representation)
print(pcall(string.sub, "hello", 1, 2.5))  -- expect: false	bad argument #3 to 'string.sub' (number has no integer representation)
print(pcall(string.sub, "hello", "x"))  -- expect: false	bad argument #2 to 'string.sub' (number expected, got string)
print(pcall(string.sub, "hello", 2^63))  -- expect: false	bad argument #2 to 'string.sub' (number has no integer representation)
print(pcall(string.sub, {}, 1))  -- expect: false	bad argument #1 to 'string.sub' (string expected, got table)
local s = "abc"
print(pcall(function() return s:sub({}) end))  -- expect: false	sub-errors.lua:10: bad argument #1 to 'sub' (number expected, got table)
s:sub()
-- expect error: sub-errors.lua:11: bad argument #1 to 'sub' (number expected, got no value)
