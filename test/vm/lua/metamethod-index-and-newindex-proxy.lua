-- A read-only proxy built from __index and __newindex.
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function(_, k) error("attempt to update a read-only table (key " .. tostring(k) .. ")", 2) end, __len = function() return #t end})
end
local days = readonly({"Mon", "Tue", "Wed"})
print(days[1], #days)  -- expect: Mon	3
print(pcall(function() days[4] = "Thu" end))  -- expect: false	metamethod-index-and-newindex-proxy.lua:7: attempt to update a read-only table (key 4)
