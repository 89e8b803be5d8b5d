-- arith_int.lua — micro-benchmark: integer arithmetic (+, -, *, //, %) on small integers.
-- Values stay far below 2^53, so no wrap-around is involved; the checksum is the final state.
local n = tonumber(arg and arg[1]) or 5000000
local x, y = 1, 7
for i = 1, n do
  x = (x * 31 + i) % 1000003
  y = (y + x // 7 - i % 5) % 999983
  x = x - y + 3 * i % 11
end
print("arith_int", n, x, y)
