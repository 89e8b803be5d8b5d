-- random() gives floats in [0, 1), random(m, n) integers in [m, n].
math.randomseed(123)
local lo, hi, allfloat = 1, 0, true
for i = 1, 10000 do
  local r = math.random()
  if r < lo then lo = r end
  if r > hi then hi = r end
  if math.type(r) ~= "float" then allfloat = false end
end
print(lo >= 0, hi < 1, allfloat)  -- expect: true	true	true
local seen = {}
for i = 1, 1000 do local r = math.random(6); seen[r] = (seen[r] or 0) + 1 end
print(#seen, seen[0], seen[7])  -- expect: 6	nil	nil
for i = 1, 1000 do
  local r = math.random(-3, 3)
  if r < -3 or r > 3 or math.type(r) ~= "integer" then print("bad", r) end
end
print(seen[1], seen[6])  -- expect: 174	159
