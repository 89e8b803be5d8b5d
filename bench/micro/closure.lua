-- closure.lua — micro-benchmark: closure creation (a fresh closure with an upvalue each time).
-- Three closures per iteration, one of them called; the checksum sums the calls.
local n = tonumber(arg and arg[1]) or 2000000
local s = 0
local keep
for i = 1, n do
  local f = function() return i end
  local g = function(x) return x + i end
  keep = function() return s end
  s = s + g(f()) % 3
end
print("closure", n, s, keep() == s)
