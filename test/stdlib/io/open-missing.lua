-- failures follow luaL_fileresult: nil, "<name>: <strerror>", errno
print(io.open("no-such-file.txt"))  -- expect: nil	no-such-file.txt: No such file or directory	2
print(io.open("no-such-dir/file.txt", "w"))  -- expect: nil	no-such-dir/file.txt: No such file or directory	2
print(io.open("no-such-file.txt", "r+"))  -- expect: nil	no-such-file.txt: No such file or directory	2
print(pcall(io.open))  -- expect: false	bad argument #1 to 'io.open' (string expected, got no value)
print(pcall(io.open, {}))  -- expect: false	bad argument #1 to 'io.open' (string expected, got table)
