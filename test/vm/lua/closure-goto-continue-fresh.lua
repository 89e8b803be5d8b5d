-- A goto back into a loop body creates fresh locals.
local fs = {}
local i = 1
::top::
local x = i
fs[i] = function() return x end
i = i + 1
if i <= 3 then goto top end
print(fs[1](), fs[2](), fs[3]())  -- expect: 1	2	3
