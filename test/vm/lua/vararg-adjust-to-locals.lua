-- Varargs assigned to locals are padded with nil or truncated.
local function f(...)
  local a, b, c = ...
  return a, b, c
end
print(f(1))  -- expect: 1	nil	nil
print(f(1, 2, 3, 4))  -- expect: 1	2	3
local function g(...)
  local a = ...
  return a
end
print(g(9, 8, 7))  -- expect: 9
