-- Fixed parameters come before the varargs.
local function f(a, b, ...)
  return a, b, select("#", ...), ...
end
print(f(1))  -- expect: 1	nil	0
print(f(1, 2, 3, 4))  -- expect: 1	2	2	3	4
print(f(nil, nil, nil))  -- expect: nil	nil	1	nil
