-- Numeric strings are converted before any table metamethod is tried.
local o = setmetatable({}, {__add = function(a, b) return "mm" end})
print("10" + 1, o + "10", "10" + o)  -- expect: 11	mm	mm
