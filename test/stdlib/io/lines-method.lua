-- f:lines does not close the file; the file stays usable after the loop
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("a\nb\nc\n")
f:close()
f = assert(io.open(name))
for l in f:lines() do
  io.write(l, " ")
  if l == "b" then break end
end  -- expect: a b 
print()
print(io.type(f), f:read("a"))  -- expect: file	c -- expect: 
print(f:seek("set"))  -- expect: 0
local n = 0
for l in f:lines("L") do n = n + #l end
print(n, io.type(f))  -- expect: 6	file
f:close()
print(pcall(f.lines, f))  -- expect: false	attempt to use a closed file
os.remove(name)
