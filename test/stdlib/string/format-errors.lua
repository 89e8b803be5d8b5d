-- string.format: Lua's errors and argument numbering
print(pcall(string.format, "%d", "x"))  -- expect: false	bad argument #2 to 'string.format' (number expected, got string)
print(pcall(string.format, "%d", 1.5))  -- expect: false	bad argument #2 to 'string.format' (number has no integer representation)
print(pcall(string.format, "%d"))  -- expect: false	bad argument #2 to 'string.format' (no value)
print(pcall(string.format, "%s %s", 1))  -- expect: false	bad argument #3 to 'string.format' (no value)
print(pcall(string.format, "%z", 1))  -- expect: false	invalid conversion '%z' to 'format'
print(pcall(string.format, "%", 1))  -- expect: false	invalid conversion '%' to 'format'
print(pcall(string.format, "%ld", 1))  -- expect: false	invalid conversion '%l' to 'format'
print(pcall(string.format, "%100d", 1))  -- expect: false	invalid conversion specification: '%100d'
print(pcall(string.format, "%.100f", 1))  -- expect: false	invalid conversion specification: '%.100f'
print(pcall(string.format, "%0100000000000000000000d", 1))  -- expect: false	invalid format (too long)
print(pcall(string.format, "%d", setmetatable({}, {__name = "MyType"})))  -- expect: false	bad argument #2 to 'string.format' (number expected, got MyType)
print(pcall(string.format, "%10.3q", 1))  -- expect: false	specifier '%q' cannot have modifiers
print(pcall(string.format, "%#s", "x"))  -- expect: false	invalid conversion specification: '%#s'
print(pcall(string.format))  -- expect: false	bad argument #1 to 'string.format' (string expected, got no value)
print(pcall(string.format, {}))  -- expect: false	bad argument #1 to 'string.format' (string expected, got table)
local s = "%d"
print(pcall(s.format, s))  -- expect: false	bad argument #2 to 'string.format' (no value)
print(pcall(function() return s:format() end))  -- expect: false	format-errors.lua:19: bad argument #1 to 'format' (no value)
string.format("%d %d", 1, "two")
-- expect error: format-errors.lua:20: bad argument #3 to 'format' (number expected, got string)
