-- An __index that is not a table or function is indexed in turn.
local t = setmetatable({}, {__index = 5})
print(pcall(function() return t.x end))  -- expect: false	error-message-index-via-metamethod-value.lua:3: attempt to index a number value
local u = setmetatable({}, {__newindex = true})
print(pcall(function() u.x = 1 end))  -- expect: false	error-message-index-via-metamethod-value.lua:5: attempt to index a boolean value
