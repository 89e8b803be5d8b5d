-- string.dump: the chunk loads back into an equivalent function
local function add(a, b) return a + b end
local d = string.dump(add)
print(type(d), d:sub(1, 4) == "\27Lua")  -- expect: string	true
local f = load(d, "dumped", "b")
print(f(2, 3))  -- expect: 5
local g = load(string.dump(add, true))
print(g(10, 20))  -- expect: 30
local function fact(n) if n <= 1 then return 1 end return n * 3 end
print(load(string.dump(fact))(5))  -- expect: 15
print(load(string.dump(function(...) return select("#", ...) end))(1, 2, 3))  -- expect: 3
print(pcall(load, string.dump(add), "x", "t"))  -- expect: true	nil	attempt to load a binary chunk (mode is 't')
