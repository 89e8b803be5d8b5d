-- Without a comparator, tables are ordered by their __lt metamethod.
local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs{40, 10, 30, 20, 50, 5} do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
for i = 1, #t do io.write(t[i].v, " ") end  -- expect: 5 10 20 30 40 50 
print()
local calls = 0
mt.__lt = function(a, b) calls = calls + 1; return a.v > b.v end
table.sort(t)
for i = 1, #t do io.write(t[i].v, " ") end  -- expect: 50 40 30 20 10 5 12
print(calls)
