-- hello.lua — a first moonlet program: Lua 5.4 semantics, coroutines, string formatting.
print(("Hello from %s on moonlet!"):format(_VERSION))

-- 64-bit integers and floats are distinct, as in Lua 5.4
print(math.maxinteger + 1 == math.mininteger, 7 // 2, 7 / 2, math.type(3), math.type(3.0))

-- a coroutine generator
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
local squares = {}
for i in range(5) do squares[#squares + 1] = i * i end
print("squares: " .. table.concat(squares, ", "))

-- metatables
local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({ x = a.x + b.x, y = a.y + b.y }, Vec) end
Vec.__tostring = function(v) return ("(%g, %g)"):format(v.x, v.y) end
local v = setmetatable({ x = 1, y = 2 }, Vec) + setmetatable({ x = 10, y = 20 }, Vec)
print("vector sum: " .. tostring(v))
