-- expect error: assign-to-call.lua:3: syntax error near '='
local t = setmetatable({}, {})
getmetatable(t) = {}
