-- ipairs uses __index.
local p = setmetatable({}, {__index = function(t, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(p) do print(i, v) end  -- expect: 1	10 -- expect: 2	20 -- expect: 3	30
