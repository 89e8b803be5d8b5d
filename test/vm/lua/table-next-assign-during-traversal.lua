-- Assigning existing fields during traversal is allowed.
local t = {a = 1, b = 2, c = 3, 1, 2, 3}
local sum = 0
for k, v in pairs(t) do
  t[k] = v * 10
  sum = sum + v
end
print(sum, t.a + t.b + t.c + t[1] + t[2] + t[3])  -- expect: 12	120
