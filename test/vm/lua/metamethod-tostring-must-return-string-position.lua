-- "'__tostring' must return a string" is raised with luaL_error: it carries the position of
-- the Lua function that called tostring/print/format.
local t = setmetatable({}, {__tostring = function() return {} end})
print(pcall(function() local s = tostring(t) return s end))
print(pcall(function() print(t) end))
print(pcall(function() local s = string.format("%s", t) return s end))

-- expect: false	metamethod-tostring-must-return-string-position.lua:4: '__tostring' must return a string
-- expect: false	metamethod-tostring-must-return-string-position.lua:5: '__tostring' must return a string
-- expect: false	metamethod-tostring-must-return-string-position.lua:6: '__tostring' must return a string
