-- a directory opens for reading but reads fail with EISDIR; it cannot be opened for writing
local d = assert(io.open("."))
print(d:read(1))  -- expect: nil	Is a directory	21
print(d:read("l"))  -- expect: nil	Is a directory	21
print(d:read("a"))  -- expect: nil	Is a directory	21
d:close()
print(select(2, io.open(".", "w")), select(3, io.open(".", "w")))  -- expect: .: Is a directory	21
print(pcall(function() for l in io.lines(".") do end end))  -- expect: false	directory.lua:8: Is a directory
