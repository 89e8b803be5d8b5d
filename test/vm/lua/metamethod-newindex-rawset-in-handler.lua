-- A __newindex that validates and stores with rawset.
local t = setmetatable({}, {__newindex = function(t, k, v)
  if type(v) ~= "number" then error("numbers only", 2) end
  rawset(t, k, v)
end})
t.a = 1
print(t.a, pcall(function() t.b = "x" end))  -- expect: 1	false	metamethod-newindex-rawset-in-handler.lua:7: numbers only
