-- lines takes read formats: each iteration returns one value per format
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("0123456789\n")
f:close()
for a, b in io.lines(name, 1, 2) do print(a, b) end  -- expect: 0	12 -- expect: 3	45 -- expect: 6	78 -- expect: 9	 -- expect: 
for a, b, c in io.lines(name, 1, 2, "a") do print(a, b, c == "3456789\n") break end  -- expect: 0	12	true
for l in io.lines(name, "L") do io.write(l) end  -- expect: 0123456789
f = assert(io.open(name, "w"))
f:write("10 20\n30 40\n50")
f:close()
for a, b in io.lines(name, "n", "n") do print(a, b) end  -- expect: 10	20 -- expect: 30	40 -- expect: 50	nil
os.remove(name)
