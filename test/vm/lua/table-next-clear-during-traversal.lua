-- Clearing fields during traversal is allowed.
local t = {}
for i = 1, 10 do t[i] = i end
for k = 11, 20 do t["k" .. k] = k end
local n = 0
for k, v in pairs(t) do
  t[k] = nil
  n = n + 1
end
print(n, next(t))  -- expect: 20	nil
