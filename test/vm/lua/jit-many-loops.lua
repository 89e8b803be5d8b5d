-- A function with more top-level loops than a byte can count is still split into one
-- compiled region per loop (jit-regions.ts) and runs correctly.
local src = { 'local x = 0' }
for k = 1, 300 do src[#src + 1] = ('for i = 1, 2 do x = x + i * %d end'):format(k % 3) end
src[#src + 1] = 'return x'
local f = assert(load(table.concat(src, '\n')))
local r
for _ = 1, 250 do r = f() end
print(r)

-- expect: 900
