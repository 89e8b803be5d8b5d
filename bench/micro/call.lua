-- call.lua — micro-benchmark: Lua-to-Lua call and return (fixed arguments, one result).
-- Four calls per iteration to a small local function; the checksum is their sum.
local n = tonumber(arg and arg[1]) or 5000000
local function f(a, b) return a + b end
local s = 0
for i = 1, n do
  s = f(s, i)
  s = f(s, 1)
  s = f(s, -i)
  s = f(s, 2)
end
print("call", n, s)
