-- string.byte returns one value per byte, however many
local s = string.rep("ab", 5000)
local t = {string.byte(s, 1, -1)}
print(#t, t[1], t[2], t[#t])  -- expect: 10000	97	98	98
local sum = 0
for i = 1, #t do sum = sum + t[i] end
print(sum)  -- expect: 975000
