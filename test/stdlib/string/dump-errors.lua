-- string.dump: only Lua functions can be dumped
print(pcall(string.dump, string.rep))  -- expect: false	unable to dump given function
print(pcall(string.dump, type))  -- expect: false	unable to dump given function
print(pcall(string.dump))  -- expect: false	bad argument #1 to 'string.dump' (function expected, got no value)
print(pcall(string.dump, {}))  -- expect: false	bad argument #1 to 'string.dump' (function expected, got table)
print(pcall(string.dump, "f"))  -- expect: false	bad argument #1 to 'string.dump' (function expected, got string)
string.dump(string.len)
-- expect error: dump-errors.lua:7: unable to dump given function
