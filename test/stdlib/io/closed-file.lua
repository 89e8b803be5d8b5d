-- operations on a closed handle raise "attempt to use a closed file"
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(f:close())  -- expect: true
print(pcall(f.close, f))  -- expect: false	attempt to use a closed file
print(pcall(f.read, f))  -- expect: false	attempt to use a closed file
print(pcall(f.write, f, "x"))  -- expect: false	attempt to use a closed file
print(pcall(f.lines, f))  -- expect: false	attempt to use a closed file
print(pcall(f.seek, f))  -- expect: false	attempt to use a closed file
print(pcall(f.flush, f))  -- expect: false	attempt to use a closed file
print(pcall(f.setvbuf, f, "no"))  -- expect: false	attempt to use a closed file
print(pcall(io.close, f))  -- expect: false	attempt to use a closed file
print(pcall(io.input, f))  -- expect: false	attempt to use a closed file
print(pcall(f.read, 42))  -- expect: false	bad argument #1 to '?' (FILE* expected, got number)
print(pcall(io.stdin.close))  -- expect: false	bad argument #1 to '?' (FILE* expected, got no value)
os.remove(name)
