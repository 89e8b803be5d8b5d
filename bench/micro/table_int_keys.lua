-- table_int_keys.lua — micro-benchmark: table get/set with integer keys in the array part.
-- Each iteration reads four slots and writes two of a 256-slot array.
local n = tonumber(arg and arg[1]) or 5000000
local a = {}
for i = 1, 256 do a[i] = i end
local j = 1
for i = 1, n do
  local k = j + 1
  if k > 256 then k = 1 end
  a[j] = a[k] + a[j] - i
  a[k] = a[j] + i - a[k]
  j = k
end
local s = 0
for i = 1, 256 do s = s + a[i] end
print("table_int_keys", n, s)
