-- next visits array and hash parts once each.
local t = {1, 2, 3}
t.x = "x"
t[10] = 10
local count, sum = 0, 0
for k, v in pairs(t) do count = count + 1 if type(v) == "number" then sum = sum + v end end
print(count, sum)  -- expect: 5	16
