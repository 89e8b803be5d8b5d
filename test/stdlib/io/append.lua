-- "a" starts at the end and always writes there; "a+" reads from the start, writes at the end
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("12345")
f:close()
f = assert(io.open(name, "a"))
print(f:seek())  -- expect: 5
f:write("67")
print(f:seek())  -- expect: 7
f:seek("set", 0)
f:write("89")
print(f:seek())  -- expect: 9
f:close()
f = assert(io.open(name, "a+"))
print(f:seek())  -- expect: 0
print(f:read(3))  -- expect: 123
f:write("X")
print(f:seek())  -- expect: 10
print(f:read("a"))  -- expect: 
f:seek("set")
print(f:read("a"))  -- expect: 123456789X
f:close()
os.remove(name)
