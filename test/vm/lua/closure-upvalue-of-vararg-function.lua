-- Varargs cannot be captured, but locals copied from them can.
local function f(...)
  local a, b = ...
  return function() return a, b end
end
print(f(1, 2)())  -- expect: 1	2
