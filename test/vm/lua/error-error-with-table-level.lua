-- A table error ignores the level.
local t = {}
local ok, e = pcall(error, t, 2)
print(ok, e == t)  -- expect: false	true
