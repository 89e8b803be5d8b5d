-- __index as a table supplies missing fields.
local defaults = {color = "red", size = 1}
local t = setmetatable({size = 5}, {__index = defaults})
print(t.color, t.size, t.other)  -- expect: red	5	nil
defaults.other = "late"
print(t.other)  -- expect: late
