-- writing to a file opened for reading fails with EBADF; bad arguments are errors
local name = os.tmpname()
local f = assert(io.open(name))
print(f:write("x"))  -- expect: nil	Bad file descriptor	9
print(f:write(1, 2))  -- expect: nil	Bad file descriptor	9
print(pcall(f.write, f, "a", nil))  -- expect: false	bad argument #3 to '?' (string expected, got nil)
print(pcall(f.write, f, {}))  -- expect: false	bad argument #2 to '?' (string expected, got table)
f:close()
f = assert(io.open(name, "w"))
print(pcall(f.write, f, true))  -- expect: false	bad argument #2 to '?' (string expected, got boolean)
print(pcall(f.write, f, print))  -- expect: false	bad argument #2 to '?' (string expected, got function)
f:close()
os.remove(name)
