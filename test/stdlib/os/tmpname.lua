-- tmpname creates the file empty and returns its name; each call gives a new name
local a, b = os.tmpname(), os.tmpname()
print(type(a), a ~= b)  -- expect: string	true
local f = assert(io.open(a))
print(f:read("a"))  -- expect: 
f:close()
print(os.remove(a), os.remove(b))  -- expect: true	true
