-- A call not in last position gives one value.
local function f() return 1, 2, 3 end
print(f(), f())  -- expect: 1	1	2	3
print(f(), "x")  -- expect: 1	x
print((f()))  -- expect: 1
local a, b, c, d = f(), f()
print(a, b, c, d)  -- expect: 1	1	2	3
