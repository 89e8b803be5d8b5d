-- Larger arrays: numbers, strings, a comparator, already sorted and all-equal input.
local seed = 42
local function rand() seed = (seed * 16807) % 2147483647; return seed end
local function sorted(t, lt)
  lt = lt or function(a, b) return a < b end
  for i = 2, #t do if lt(t[i], t[i - 1]) then return false end end
  return true
end
local a, s = {}, {}
for i = 1, 20000 do a[i] = rand(); s[i] = tostring(rand() % 5000) end
table.sort(a)
print(sorted(a), a[1], a[#a])  -- expect: true	7813	2147478775
table.sort(a)
print(sorted(a))  -- expect: true
table.sort(s)
print(sorted(s), s[1], s[#s])  -- expect: true	0	999
table.sort(a, function(x, y) return x > y end)
print(sorted(a, function(x, y) return x > y end), a[1])  -- expect: true	2147478775
local e = {}
for i = 1, 5000 do e[i] = false end
table.sort(e, function() return false end)
print(e[1], #e)  -- expect: false	5000
