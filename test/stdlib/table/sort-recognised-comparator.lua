-- table.sort with the comparators `return a < b` and `return a > b`, which moonlet recognises
-- and runs as JS comparisons: the same results as calling them, NaNs included (lsort makes
-- the same comparisons), and hooks still see the calls.
local function show(t) local o = {} for i = 1, #t do o[i] = tostring(t[i]) end return table.concat(o, " ") end
local nan = 0/0
local cases = {
  {3, nan, 1, 2, nan, 5, 4},
  {nan, nan, nan, 1, 2},
  {5, 4, 3, 2, 1, 0.5, -1, 7, 8, nan, 9, 10, 11, 12, 13},
}
for _, c in ipairs(cases) do
  local a, b = {table.unpack(c)}, {table.unpack(c)}
  print(pcall(table.sort, a, function(x, y) return x > y end), show(a))
  print(pcall(table.sort, b, function(x, y) return x < y end), show(b))
end  -- expect: true	5 -nan 4 3 -nan 2 1 -- expect: true	1 -nan 2 3 -nan 4 5 -- expect: true	-nan 1 -nan -nan 2 -- expect: true	-nan 1 -nan -nan 2 -- expect: true	13 -nan 12 11 10 9 8 7 5 4 3 2 1 0.5 -1 -- expect: true	-1 0.5 1 2 3 4 5 -nan 7 8 9 10 11 12 13
local s = {"b", "a", "d", "c", "aa", "B"}
table.sort(s, function(p, q) return p > q end) print(show(s))  -- expect: d c b aa a B
table.sort(s, function(p, q) return p < q end) print(show(s))  -- expect: B a aa b c d
-- hooks see the comparator calls
local calls = 0
local cmp = function(x, y) return x < y end
debug.sethook(function() calls = calls + 1 end, "c")
table.sort({3, 1, 2}, cmp)
debug.sethook()
print(calls > 3)  -- expect: true
-- a mixed table still calls the comparator (and fails as Lua does)
print(pcall(table.sort, {1, "x", 3}, function(x, y) return x < y end))  -- expect: false	sort-recognised-comparator.lua:27: attempt to compare string with number
local big = {} for i = 1, 300 do big[i] = (i * 7919) % 301 end big[150] = nan
print(pcall(table.sort, big, function(x, y) return x > y end))  -- expect: true
