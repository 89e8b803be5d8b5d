-- __metatable hides and protects the metatable.
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))  -- expect: locked
print(pcall(setmetatable, t, {}))  -- expect: false	cannot change a protected metatable
print(pcall(setmetatable, t, nil))  -- expect: false	cannot change a protected metatable
local u = setmetatable({}, {__metatable = false})
print(getmetatable(u))  -- expect: false
print(getmetatable("").__metatable, getmetatable(1))  -- expect: nil	nil
