-- Conditions with and/or in loops.
local i, log = 0, {}
while i < 10 and (i % 7 ~= 6 or false) do i = i + 1 log[#log + 1] = i end
print(i, table.concat(log, ","))  -- expect: 6	1,2,3,4,5,6
local j = 0
repeat j = j + 1 until j >= 3 and j % 2 == 0
print(j)  -- expect: 4
