-- The condition of repeat-until sees the loop body's locals, and each iteration's closure is fresh.
local fs = {}
local i = 0
repeat
  i = i + 1
  local j = i
  fs[i] = function() return j end
until j >= 3
print(fs[1](), fs[2](), fs[3]())  -- expect: 1	2	3
