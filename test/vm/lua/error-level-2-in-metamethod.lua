-- error level 2 inside __index points at the indexing line.
local t = setmetatable({}, {__index = function(_, k) error("no field " .. k, 2) end})
local function get()
  return t.missing
end
print(pcall(get))  -- expect: false	error-level-2-in-metamethod.lua:4: no field missing
