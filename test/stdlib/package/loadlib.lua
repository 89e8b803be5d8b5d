-- loadlib cannot load C libraries: nil, a message, and where it failed
local f, msg, where = package.loadlib("no-such-lib.so", "luaopen_x")
print(f, type(msg), type(where))  -- expect: nil	string	string
print(pcall(package.loadlib, "x"))  -- expect: false	bad argument #2 to 'package.loadlib' (string expected, got no value)
