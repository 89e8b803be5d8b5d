-- expect error: unclosed-function.lua:6: 'end' expected (to close 'function' at line 2) near 'print'
local function area(w, h)
  local a = w * h
  return a

print(area(2, 3))
