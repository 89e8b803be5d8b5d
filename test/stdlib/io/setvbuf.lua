-- "full" holds writes until close/flush, "line" until a newline, "no" writes at once
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local fr = assert(io.open(name, "r"))
print(f:setvbuf("full", 2000))  -- expect: true
f:write("x")
print(fr:read("a"))  -- expect: 
f:flush()
fr:seek("set")
print(fr:read("a"))  -- expect: x
f:close()
f = assert(io.open(name, "a"))
print(f:setvbuf("line"))  -- expect: true
f:write("y")
fr:seek("set")
print(fr:read("a"))  -- expect: x
f:write("z\n")
fr:seek("set")
print(fr:read("a"))  -- expect: xyz -- expect: 
print(f:setvbuf("no"))  -- expect: true
f:write("w")
fr:seek("set")
print(fr:read("a"))  -- expect: xyz -- expect: w
f:close()
fr:close()
print(pcall(io.stdout.setvbuf, io.stdout, "sometimes"))  -- expect: false	bad argument #2 to '?' (invalid option 'sometimes')
print(pcall(io.stdout.setvbuf, io.stdout))  -- expect: false	bad argument #2 to '?' (string expected, got no value)
os.remove(name)
