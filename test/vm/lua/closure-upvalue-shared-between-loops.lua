-- A local declared outside a loop is shared by all closures made in it.
local shared = 0
local fs = {}
for i = 1, 3 do fs[i] = function() shared = shared + i return shared end end
print(fs[1](), fs[2](), fs[3](), shared)  -- expect: 1	3	6	6
