-- string.rep: sizes Lua rejects, bad arguments
print(pcall(string.rep, "x", 2^31))  -- expect: false	resulting string too large
print(pcall(string.rep, "xx", 2^30))  -- expect: false	resulting string too large
print(pcall(string.rep, "x", 2^30, "x"))  -- expect: false	resulting string too large
print(pcall(string.rep, "x", math.maxinteger))  -- expect: false	resulting string too large
print(pcall(string.rep, "", 2^40, "y"))  -- expect: false	resulting string too large
print(pcall(string.rep, "x", 3, {}))  -- expect: false	bad argument #3 to 'string.rep' (string expected, got table)
print(pcall(string.rep, "x", 1.5))  -- expect: false	bad argument #2 to 'string.rep' (number has no integer representation)
print(pcall(string.rep, "x"))  -- expect: false	bad argument #2 to 'string.rep' (number expected, got no value)
print(pcall(string.rep))  -- expect: false	bad argument #1 to 'string.rep' (string expected, got no value)
string.rep("abc", 2^62)
-- expect error: rep-errors.lua:11: resulting string too large
