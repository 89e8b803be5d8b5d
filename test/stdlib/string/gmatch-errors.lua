-- string.gmatch: errors raised while iterating
print(pcall(string.gmatch))  -- expect: false	bad argument #1 to 'string.gmatch' (string expected, got no value)
print(pcall(string.gmatch, "x"))  -- expect: false	bad argument #2 to 'string.gmatch' (string expected, got no value)
local it = string.gmatch("abc", "(")
print(pcall(it))  -- expect: false	unfinished capture
local it2 = string.gmatch("abc", "%")
print(pcall(it2))  -- expect: false	malformed pattern (ends with '%')
for m in string.gmatch("abc", "[a") do print(m) end
-- expect error: gmatch-errors.lua:8: malformed pattern (missing ']')
