-- Parameters can be captured and modified.
local function f(a)
  local function g() a = a * 2 return a end
  g()
  return a, g()
end
print(f(3))  -- expect: 6	12
