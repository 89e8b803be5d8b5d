-- "a" reads the rest of the file and never fails: "" at end of file
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write(string.rep("0123456789", 10000), "end")
f:close()
f = assert(io.open(name))
print(f:read(5))  -- expect: 01234
local rest = f:read("a")
print(#rest, rest:sub(-3))  -- expect: 99998	end
print(f:read("a") == "", f:read("a") == "")  -- expect: true	true
print(f:read("l"))  -- expect: nil
f:close()
os.remove(name)
