-- select('#') counts nils.
print(select("#"), select("#", nil), select("#", nil, nil), select("#", 1, nil, 3, nil))  -- expect: 0	1	2	4
local function f(...) return select("#", ...) end
print(f(), f(nil), f(1, 2, 3), f(table.unpack({1, nil, 3})))  -- expect: 0	1	3	3
