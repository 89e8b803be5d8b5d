-- A large array keeps its values and length.
local t = {}
for i = 1, 10000 do t[i] = i * 2 end
print(#t, t[1], t[5000], t[10000], t[10001])  -- expect: 10000	2	10000	20000	nil
local s = 0
for i = 1, #t do s = s + t[i] end
print(s)  -- expect: 100010000
