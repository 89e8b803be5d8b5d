-- a numeral longer than 200 characters is not read (l_getn's buffer), and its prefix is consumed
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write(string.rep("1", 199), "\n", string.rep("2", 200), "\n", string.rep("3", 201), "\n")
f:close()
f = assert(io.open(name))
print(f:read("n"))  -- expect: 1.1111111111111e+198
print(f:read("n"))  -- expect: 2.2222222222222e+199
print(f:read("n"))  -- expect: nil
print(#f:read("L"))  -- expect: 2
print(f:read("n"))  -- expect: nil
f:close()
os.remove(name)
