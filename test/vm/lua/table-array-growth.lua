-- Integer keys that reach the hash part first move to the array part once more than half of
-- the positions up to them are in use (table.ts growArray): the table must behave the same.

-- Filled from 2 on, as queens.lua's diagonals are.
local d = {}
for i = 2, 22 do d[i] = true end
print(#d, d[1], d[2], d[22], d[23])  -- expect: 22	nil	true	true	nil
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
print(#keys, keys[1], keys[#keys])  -- expect: 21	2	22

-- Filled backwards, then read, cleared and refilled.
local b = {}
for i = 40, 1, -1 do b[i] = i * i end
print(#b, b[1], b[17], b[40])  -- expect: 40	1	289	1600
for i = 1, 40, 2 do b[i] = nil end
local sum = 0
for _, v in pairs(b) do sum = sum + v end
print(sum, b[40])  -- expect: 11480	1600
for i = 1, 40 do b[i] = -i end
print(#b, b[39])  -- expect: 40	-39

-- Sparse integer keys stay where they are and keep their values.
local s = {}
for i = 1, 20 do s[i * 1000] = i end
print(s[1000], s[20000], #s)  -- expect: 1	20	0
local n = 0
for k, v in pairs(s) do assert(k == v * 1000); n = n + 1 end
print(n)  -- expect: 20

-- Mixed with string keys and float keys that are integers.
local m = { x = 1, y = 2 }
for i = 10, 3, -1 do m[i + 0.0] = i end
m[1], m[2] = 'one', 'two'
print(#m, m[1], m[3], m[10], m.x, m.y, math.type(next({ [3.0] = 1 })))  -- expect: 10	one	3	10	1	2	integer
local count = 0
for k, v in pairs(m) do count = count + 1 end
print(count)  -- expect: 12

-- Keys 0 and negatives never join the array part.
local z = {}
for i = -5, 5 do z[i] = i end
print(#z, z[-5], z[0], z[5])  -- expect: 5	-5	0	5

-- Assigning existing fields during a traversal is allowed and sees every key once.
local t = {}
for i = 30, 2, -1 do t[i] = i end
local seen = 0
for k in pairs(t) do t[k] = k * 2; seen = seen + 1 end
print(seen, t[2], t[30])  -- expect: 29	4	60

-- rawlen, the length operator and table functions on a table grown this way.
local g = {}
for i = 16, 1, -1 do g[i] = i end
print(rawlen(g), #g, table.concat(g, ','))  -- expect: 16	16	1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16
table.insert(g, 17)
table.remove(g, 1)
print(#g, g[1], g[16])  -- expect: 16	2	17
