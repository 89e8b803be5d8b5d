-- Many values through varargs.
local function count(...) return select("#", ...) end
local t = {}
for i = 1, 250 do t[i] = i end
print(count(table.unpack(t)))  -- expect: 250
local function last(...) return (select(select("#", ...), ...)) end
print(last(table.unpack(t)))  -- expect: 250
