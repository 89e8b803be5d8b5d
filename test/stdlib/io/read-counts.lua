-- read(n) reads up to n bytes; read(0) tests for end of file; both give nil at the end
local name = os.tmpname()
local f = assert(io.open(name, "wb"))
f:write("abc\0def\255")
f:close()
f = assert(io.open(name, "rb"))
print(f:read(0))  -- expect: 
print(f:read(2))  -- expect: ab
print(#f:read(3))  -- expect: 3
print(f:read(100) == "ef\255")  -- expect: true
print(f:read(0))  -- expect: nil
print(f:read(1))  -- expect: nil
print(f:read("a") == "")  -- expect: true
print(select("#", f:read(1)))  -- expect: 1
f:close()
os.remove(name)
