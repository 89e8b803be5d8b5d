-- Appending with t[#t + 1] keeps # exact.
local t = {}
for i = 1, 1000 do t[#t + 1] = i end
print(#t, t[#t])  -- expect: 1000	1000
for i = 1, 500 do t[#t] = nil end
print(#t, t[#t])  -- expect: 500	500
