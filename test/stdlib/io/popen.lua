-- io.popen runs a shell command; close reports how it ended
local f = io.popen("echo hello; echo world")
print(f:read("l"))  -- expect: hello
print(f:read("a"))  -- expect: world -- expect: 
print(f:close())  -- expect: true	exit	0
print(io.popen("exit 3"):close())  -- expect: nil	exit	3
local name = os.tmpname()
local w = io.popen("cat > " .. name, "w")
w:write("through a pipe\n")
print(w:close())  -- expect: true	exit	0
local r = io.open(name)
print(r:read("a"))  -- expect: through a pipe -- expect: 
r:close()
os.remove(name)
print(pcall(io.popen, "ls", "rw"))  -- expect: false	bad argument #2 to 'io.popen' (invalid mode)
print(pcall(io.popen, "ls", "r+"))  -- expect: false	bad argument #2 to 'io.popen' (invalid mode)
print(io.type(io.popen("true")))  -- expect: file
