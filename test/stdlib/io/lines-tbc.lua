-- io.lines returns the file as a to-be-closed value: breaking out of the loop closes it
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("1\n2\n3\n")
f:close()
local it, s, c, file = io.lines(name)
print(type(it), s, c, io.type(file))  -- expect: function	nil	nil	file
file:close()
local saved
for l in io.lines(name) do
  saved = select(4, io.lines(name))
  break
end
print(io.type(saved))  -- expect: file
local ok, err = pcall(function()
  for l in io.lines(name) do error("stop at " .. l) end
end)
print(ok, err)  -- expect: false	lines-tbc.lua:16: stop at 1
os.remove(name)
