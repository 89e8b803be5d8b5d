-- a handle in a <close> variable is closed when the block ends
local name = os.tmpname()
local F
do
  local f <close> = assert(io.open(name, "w"))
  f:write("scoped")
  F = f
end
print(io.type(F), tostring(F))  -- expect: closed file	file (closed)
local f <close> = assert(io.open(name))
print(f:read("a"))  -- expect: scoped
os.remove(name)
