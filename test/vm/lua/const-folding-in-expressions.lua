-- Constants fold through arithmetic.
local a <const> = 2
local b <const> = a * 3
local c <const> = b .. ""
print(a, b, c, math.type(b))  -- expect: 2	6	6	integer
local function f() return a + b end
print(f())  -- expect: 8
