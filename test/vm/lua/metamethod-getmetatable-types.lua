-- Only strings have a metatable among the basic types.
print(getmetatable(nil), getmetatable(true), getmetatable(1), getmetatable(print))  -- expect: nil	nil	nil	nil
print(type(getmetatable("")), getmetatable({}))  -- expect: table	nil
local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt, rawequal(setmetatable(t, nil), t), getmetatable(t))  -- expect: true	true	nil
