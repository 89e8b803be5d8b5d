-- table_string_keys.lua — micro-benchmark: table get/set with constant string keys (t.x).
-- Seven field reads and four field writes per iteration on a table with a few fields; the
-- values stay small (no integer wrap-around), so this measures access, not big arithmetic.
local n = tonumber(arg and arg[1]) or 5000000
local t = { x = 1, y = 2, z = 3, w = 0 }
for i = 1, n do
  t.x = t.y + 1
  t.y = t.x - t.z
  t.z = t.w + 1
  t.w = (t.z - t.y + t.x) % 1000
end
print("table_string_keys", n, t.x, t.y, t.z, t.w)
