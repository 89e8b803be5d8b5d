-- debug.getupvalue and debug.upvaluejoin.
local a, b = 1, 2
local function f() return a end
local function g() return b end
print(debug.getupvalue(f, 1))  -- expect: a	1
debug.upvaluejoin(f, 1, g, 1)
print(f())  -- expect: 2
print(debug.setupvalue(g, 1, 20), b, f())  -- expect: b	20	20
