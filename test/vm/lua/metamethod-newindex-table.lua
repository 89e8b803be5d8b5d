-- __newindex as a table redirects new fields.
local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
print(rawget(t, "a"), store.a, t.a)  -- expect: nil	1	nil
