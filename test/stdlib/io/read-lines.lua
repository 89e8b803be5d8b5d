-- "l" drops the newline, "L" keeps it; the last line may lack one; nil at end of file
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("first\nsecond\n\nlast")
f:close()
f = assert(io.open(name))
print(f:read("l"))  -- expect: first
print(f:read("L"))  -- expect: second -- expect: 
print(f:read("L") == "\n")  -- expect: true
print(f:read("l"))  -- expect: last
print(f:read("l"))  -- expect: nil
print(f:read("L"))  -- expect: nil
print(f:read())  -- expect: nil
f:close()
os.remove(name)
