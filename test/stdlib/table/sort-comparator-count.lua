-- The algorithm is Lua's own: the same comparisons happen, in the same number.
local seed = 11
local function rand() seed = (seed * 16807) % 2147483647; return seed end
local t = {}
for i = 1, 3000 do t[i] = rand() % 1000 end
local calls = 0
table.sort(t, function(a, b) calls = calls + 1; return a < b end)
print(calls)  -- expect: 38127
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[#t])  -- expect: true	0	999
local first = {}
local s = {5, 3, 8, 1, 9, 2, 7}
table.sort(s, function(a, b) first[#first + 1] = a .. "<" .. b; return a < b end)
print(table.concat(first, " "))  -- expect: 7<5 1<5 3<5 8<5 5<9 5<2 8<5 5<2 7<9 8<7 9<8 2<1 3<1 2<3
