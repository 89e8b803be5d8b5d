-- The length of a sequence is its number of elements.
print(#{}, #{1}, #{1, 2, 3}, #{n = 1}, #{1, 2, nil}, #{nil, nil, 3} >= 0)  -- expect: 0	1	3	0	2	true
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)  -- expect: 100
t[#t] = nil
print(#t)  -- expect: 99
t[#t + 1] = "x"
print(#t, t[100])  -- expect: 100	x
