-- io.lines of a missing file raises; too many formats; bad formats are reported by the iterator
print(pcall(io.lines, "no-such-file.txt"))  -- expect: false	cannot open file 'no-such-file.txt' (No such file or directory)
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("x\n")
f:close()
local t = {}
for i = 1, 251 do t[i] = "l" end
print(pcall(io.lines, name, table.unpack(t)))  -- expect: false	bad argument #252 to 'io.lines' (too many arguments)
f = assert(io.open(name))
print(pcall(f.lines, f, table.unpack(t)))  -- expect: false	bad argument #252 to '?' (too many arguments)
t[251] = nil
print(select("#", io.lines(name, table.unpack(t))()))  -- expect: 2
print(pcall(function() for l in io.lines(name, "x") do end end))  -- expect: false	lines-errors.lua:14: bad argument #2 to 'for iterator' (invalid format)
f:close()
os.remove(name)
