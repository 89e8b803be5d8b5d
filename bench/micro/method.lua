-- method.lua — micro-benchmark: method calls `obj:m(...)` resolved through an __index class table.
local n = tonumber(arg and arg[1]) or 3000000
local Counter = {}
Counter.__index = Counter
function Counter.new(v) return setmetatable({ v = v }, Counter) end
function Counter:add(d) self.v = self.v + d end
function Counter:get() return self.v end
local c = Counter.new(0)
local s = 0
for i = 1, n do
  c:add(1)
  c:add(i % 3)
  s = s + c:get()
end
print("method", n, c:get(), s)
