-- arith_float.lua — micro-benchmark: float arithmetic (+, -, *, /) on doubles.
-- The checksum is printed with %.10g so that it reads the same on every implementation.
local n = tonumber(arg and arg[1]) or 5000000
local x, y, z = 0.5, 1.25, 0.0
for i = 1, n do
  x = x * 0.999999 + 0.001
  y = y / 1.0000001 - x * 0.0001
  z = z + x * y - 0.5 * z
end
print("arith_float", n, string.format("%.10g %.10g %.10g", x, y, z))
