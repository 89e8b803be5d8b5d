-- io.tmpfile is an anonymous "w+" file
local f = io.tmpfile()
print(io.type(f))  -- expect: file
f:write("temporary", 42)
print(f:seek("set"))  -- expect: 0
print(f:read("a"))  -- expect: temporary42
print(f:close())  -- expect: true
