-- Float keys equal to integers are normalised when stored.
local t = {}
t[3.0] = "x"
for k, v in pairs(t) do print(k, math.type(k), v) end  -- expect: 3	integer	x
t = {[1.0] = "a", [2] = "b"}
print(#t, t[1], t[2.0])  -- expect: 2	a	b
local k = next({[2^40 + 0.0] = 1})
print(k, math.type(k))  -- expect: 1099511627776	integer
local f = next({[1.5] = 1})
print(f, math.type(f))  -- expect: 1.5	float
