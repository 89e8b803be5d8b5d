-- loadfile and dofile read files.
local name = os.tmpname()
local fh = assert(io.open(name, "w"))
fh:write("local a = ... return (a or 10) * 2, 'second'")
fh:close()
local f = assert(loadfile(name))
print(f(5))  -- expect: 10	second
print(dofile(name))  -- expect: 20	second
local g = loadfile(name, "t", {})
print(g(1))  -- expect: 2	second
os.remove(name)
print(loadfile(name) == nil)  -- expect: true
