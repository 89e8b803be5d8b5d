-- Varargs with only nils.
local function f(...) return select("#", ...), (...) end
print(f(nil, nil, nil))  -- expect: 3	nil
print(f())  -- expect: 0	nil
