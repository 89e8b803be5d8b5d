-- reading a file opened only for writing fails with EBADF; so does a lines iterator
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(f:read())  -- expect: nil	Bad file descriptor	9
print(f:read("a"))  -- expect: nil	Bad file descriptor	9
print(f:read(0))  -- expect: nil	Bad file descriptor	9
print(f:read("n"))  -- expect: nil	Bad file descriptor	9
print(pcall(f:lines()))  -- expect: false	Bad file descriptor
f:close()
os.remove(name)
