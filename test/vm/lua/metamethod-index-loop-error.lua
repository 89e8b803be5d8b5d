-- An __index chain that loops forever is an error.
local t = {}
setmetatable(t, {__index = t})
print(pcall(function() return t.x end))  -- expect: false	metamethod-index-loop-error.lua:4: '__index' chain too long; possible loop
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
print(pcall(function() return a.x end))  -- expect: false	metamethod-index-loop-error.lua:8: '__index' chain too long; possible loop
