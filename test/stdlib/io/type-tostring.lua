-- io.type tells open from closed handles; handles print as "file (0x...)" / "file (closed)"
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdout), io.type(42), io.type({}), io.type(nil))  -- expect: file	file	nil	nil	nil
print(tostring(f):match("^file %(0x%x+%)$") ~= nil)  -- expect: true
print(type(f), getmetatable(f).__name)  -- expect: userdata	FILE*
f:close()
print(io.type(f), tostring(f))  -- expect: closed file	file (closed)
print(pcall(io.type))  -- expect: false	bad argument #1 to 'io.type' (value expected)
local mt = getmetatable(io.stdin)
print(type(mt.__index), type(mt.__gc), type(mt.__close), type(mt.__tostring))  -- expect: table	function	function	function
print(io.type(setmetatable({}, mt)))  -- expect: nil
os.remove(name)
