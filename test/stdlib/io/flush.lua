-- flush and io.flush return true; writes are visible to other handles after a flush
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:setvbuf("full")
f:write("data")
print(f:flush())  -- expect: true
local r = assert(io.open(name))
print(r:read("a"))  -- expect: data
r:close()
print(io.flush())  -- expect: true
print(io.stdout:flush())  -- expect: true
f:close()
os.remove(name)
