-- Multiple assignment adjusts values to the targets.
local function f() return 1, 2 end
local a, b, c = f()
print(a, b, c)  -- expect: 1	2	nil
local x, y = 10
print(x, y)  -- expect: 10	nil
local p, q = 1, 2, 3
print(p, q)  -- expect: 1	2
local m, n, o = f(), 5
print(m, n, o)  -- expect: 1	5	nil
