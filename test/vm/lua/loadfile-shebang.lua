-- loadfile skips a first line starting with '#'.
local name = os.tmpname()
local fh = assert(io.open(name, "w"))
fh:write("#!/usr/bin/env lua\nreturn 'shebang skipped'")
fh:close()
print(loadfile(name)())  -- expect: shebang skipped
print(dofile(name))  -- expect: shebang skipped
os.remove(name)
