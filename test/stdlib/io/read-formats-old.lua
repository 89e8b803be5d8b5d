-- a leading '*' is accepted for compatibility, and only the first letter counts
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("10 rest\nline two\nline three\n")
f:close()
f = assert(io.open(name))
print(f:read("*n"))  -- expect: 10
print(f:read("*l"))  -- expect:  rest
print(f:read("line"))  -- expect: line two
print(f:read("*all"))  -- expect: line three -- expect: 
f:close()
os.remove(name)
