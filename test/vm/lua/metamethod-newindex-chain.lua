-- __newindex chains through tables with their own __newindex.
local final = {}
local mid = setmetatable({}, {__newindex = final})
local t = setmetatable({}, {__newindex = mid})
t.k = "v"
print(rawget(t, "k"), rawget(mid, "k"), final.k)  -- expect: nil	nil	v
local existing = setmetatable({k = 1}, {__newindex = final})
local t2 = setmetatable({}, {__newindex = existing})
t2.k = 2
print(existing.k, final.k)  -- expect: 2	v
