-- seek returns the new position; whence "set", "cur" (default), "end"
local name = os.tmpname()
local f = assert(io.open(name, "w+"))
print(f:seek())  -- expect: 0
f:write("hello world")
print(f:seek())  -- expect: 11
print(f:seek("set"))  -- expect: 0
print(f:read(5))  -- expect: hello
print(f:seek("cur"))  -- expect: 5
print(f:seek("cur", 1), f:read(5))  -- expect: 6	world
print(f:seek("end", -5), f:read("a"))  -- expect: 6	world
print(f:seek("set", 100), f:read(1))  -- expect: 100	nil
print(f:seek("set", -1))  -- expect: nil	Invalid argument	22
print(f:seek("cur", -1000))  -- expect: nil	Invalid argument	22
print(pcall(f.seek, f, "begin"))  -- expect: false	bad argument #2 to '?' (invalid option 'begin')
print(pcall(f.seek, f, "set", 1.5))  -- expect: false	bad argument #3 to '?' (number has no integer representation)
f:close()
os.remove(name)
