-- Comparison results are converted to booleans.
local mt = {__lt = function() return 0 end, __le = function() return nil end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a < b, a <= b, a > b, a >= b)  -- expect: true	false	true	false
print(not (a < b), not (a <= b))  -- expect: false	true
