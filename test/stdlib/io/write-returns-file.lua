-- write returns the file, so calls chain; io.write returns the default output
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(f:write("a") == f)  -- expect: true
f:write("b"):write("c", "d"):write()
f:close()
f = assert(io.open(name))
print(f:read("a"))  -- expect: abcd
f:close()
print(io.write() == io.stdout, io.write("") == io.output())  -- expect: true	true
os.remove(name)
