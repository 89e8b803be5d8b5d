-- loadfile with an environment.
local name = os.tmpname()
local fh = assert(io.open(name, "w"))
fh:write("return who")
fh:close()
print(loadfile(name, "t", {who = "env"})())  -- expect: env
print(loadfile(name, "bt")())  -- expect: nil
os.remove(name)
