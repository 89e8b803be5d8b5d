local weak = setmetatable({}, {__mode = "v"})
weak[1] = {}
weak[2] = "str"
local keep = {}
weak[3] = keep
collectgarbage()
print(weak[1], weak[2], weak[3] == keep)  -- expect: nil	str	true
local order = {}
for i = 1, 3 do setmetatable({}, {__gc = function() order[#order+1] = i end}) end
collectgarbage()
print(table and table.concat and table.concat(order, ",") or (order[1] .. order[2] .. order[3]))  -- expect: 3,2,1
local ek = setmetatable({}, {__mode = "k"})
do local k = {}; ek[k] = {k} end
collectgarbage()
print(next(ek))  -- expect: nil
local finish = false
local u = setmetatable({}, {__gc = function () finish = true end})
u = nil
local n = 0
repeat n = n + 1; local a = {} until finish
print("finalized after allocations", n > 0)  -- expect: finalized after allocations	true -- expect: bye
setmetatable({}, {__gc = function() print("bye") end})
