-- "r+" reads and writes one file through one position
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("line one\nline two\n")
f:close()
f = assert(io.open(name, "r+"))
print(f:read("l"))  -- expect: line one
f:seek("cur")
f:write("LINE")
f:seek("set")
print(f:read("a"))  -- expect: line one -- expect: LINE two -- expect: 
f:seek("set", 2)
f:write("NE")
print(f:seek())  -- expect: 4
print(f:read("l"))  -- expect:  one
f:close()
f = assert(io.open(name))
print(f:read("a"))  -- expect: liNE one -- expect: LINE two -- expect: 
f:close()
os.remove(name)
