-- print does not call the global tostring.
local saved = tostring
tostring = function() return "overridden" end
print(1, "a", nil)
tostring = saved
print(tostring(1))

-- expect: 1	a	nil
-- expect: 1
