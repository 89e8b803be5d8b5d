-- Negative zero is a float distinct in printing only.
local nz = -0.0
print(nz, 0.0, nz == 0, 1/nz, 1/0.0)  -- expect: -0.0	0.0	true	-inf	inf
print(-0, math.type(-0), 0 * -1, 0.0 * -1)  -- expect: 0	integer	0	-0.0
print(string.format("%g", nz), tostring(nz))  -- expect: -0	-0.0
local t = {}
t[nz] = 1
print(t[0], t[0.0])  -- expect: 1	1
