-- A table with __call works as an iterator.
local it = setmetatable({}, {__call = function(self, s, c) if c < 3 then return c + 1 end end})
for i in it, nil, 0 do io.write(i, " ") end  -- expect: 1 2 3 
print()
