-- A metamethod may be a callable table.
local adder = setmetatable({}, {__call = function(self, a, b) return "called add" end})
local o = setmetatable({}, {__add = adder, __index = adder})
print(o + 1)  -- expect: called add
print(o.missing)  -- expect: nil
