-- Parentheses truncate varargs to one value.
local function f(...) return (...) end
print(f(1, 2, 3))  -- expect: 1
print(select("#", f()))  -- expect: 1
