-- math.random with a fixed seed gives integers in range.
math.randomseed(42)
local ok = true
for i = 1, 100 do
  local r = math.random(1, 6)
  if r < 1 or r > 6 or math.type(r) ~= "integer" then ok = false end
end
print(ok)  -- expect: true
print(pcall(math.random, 2, 1))  -- expect: false	bad argument #1 to 'math.random' (interval is empty)
print(math.random(5, 5), math.type(math.random()))  -- expect: 5	float
