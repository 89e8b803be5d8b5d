-- dofile propagates errors from the file.
local name = os.tmpname()
local fh = assert(io.open(name, "w"))
fh:write("error('from file', 0)")
fh:close()
print(pcall(dofile, name))  -- expect: false	from file
os.remove(name)
