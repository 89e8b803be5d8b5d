-- A loaded chunk is a vararg function.
local f = load("return select('#', ...), ...")
print(f(1, nil, 3))  -- expect: 3	1	nil	3
