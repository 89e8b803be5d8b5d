-- several formats in one call; a failing one gives nil and stops the list
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("a line\nanother\n1234\n3.45\none\ntwo\n")
f:close()
f = assert(io.open(name))
print(f:read("l", "L", "n", "n"))  -- expect: a line	another -- expect: 	1234	3.45
f:close()
f = assert(io.open(name))
print(f:read(7, "l", "n", "n", 1, "l", "l"))  -- expect: a line -- expect: 	another	1234	3.45	 -- expect: 	one	two
f:close()
f = assert(io.open(name))
print(f:read("l", "n", "n", "l"))  -- expect: a line	nil
print(f:read("l"))  -- expect: another
f:close()
f = assert(io.open(name))
print(select("#", f:read("a", "l", "l")))  -- expect: 2
print(f:read("a", "l", "l"))  -- expect: 	nil
f:close()
os.remove(name)
