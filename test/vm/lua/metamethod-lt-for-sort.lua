-- table.sort uses __lt.
local mt = {__lt = function(a, b) return a.k < b.k end}
local t = {}
for _, k in ipairs({5, 3, 9, 1}) do t[#t + 1] = setmetatable({k = k}, mt) end
table.sort(t)
for _, v in ipairs(t) do io.write(v.k, " ") end  -- expect: 1 3 5 9 
print()
