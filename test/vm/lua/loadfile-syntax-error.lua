-- loadfile returns the syntax error with the file's name.
local name = os.tmpname()
local fh = assert(io.open(name, "w"))
fh:write("x = = 1")
fh:close()
local f, e = loadfile(name)
print(f, (e:gsub(name, "FILE", 1, true)))  -- expect: nil	FILE:1: unexpected symbol near '='
print(pcall(dofile, name) == false)  -- expect: true
os.remove(name)
