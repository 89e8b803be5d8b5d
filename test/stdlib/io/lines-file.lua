-- io.lines(name) closes the file at the end; calling the iterator again is an error
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("one\ntwo\nthree\n")
f:close()
local it = io.lines(name)
print(it())  -- expect: one
print(it())  -- expect: two
print(it())  -- expect: three
print(it())  -- expect: 
print(pcall(it))  -- expect: false	file is already closed
for l in io.lines(name) do io.write("[", l, "]") end  -- expect: [one][two][three]
print()
os.remove(name)
