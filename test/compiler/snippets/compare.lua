local a, b = ...
local r
r = a == b; r = a ~= b; r = a < b; r = a <= b; r = a > b; r = a >= b
r = a == 1; r = a ~= 1; r = a == 1.0; r = a == 1.5; r = a == "s"; r = a == nil; r = a == true
r = a < 1; r = a <= 1; r = a > 1; r = a >= 1; r = a < 1.0; r = a < 1.5; r = a < 200
r = 1 < a; r = 1 <= a; r = 1 > a; r = 1 >= a; r = 1.0 < a; r = 1 == a; r = "s" == a
r = nil == a; r = a == -128; r = a == 127; r = a == 128; r = a < -129; r = a == 2^53
r = 1 < 2; r = "a" < "b"; r = a == a
if a == b then r = 1 end
if a ~= 1 then r = 2 end
if a < b and b < 3 then r = 3 end
if a or b then r = 4 end
if not a then r = 5 end
if not (a and b) then r = 6 end
if a == nil or b ~= nil then r = 7 end
r = a and b; r = a or b; r = a and b or 3; r = (a or b) and (a or 2)
r = a == b and 1 or 2; r = not (a == b); r = a and true; r = a or false
r = nil and a; r = false or a; r = 1 and a; r = "x" or a; r = a and nil
local t = {a and b, a or b, a < b}
while a and b do a = b end
while a < 10 or b do a = a + 1 end
repeat a = a - 1 until a <= 0 and b
return a == b, a < b
