-- table.concat reads through __index without allowing a yield.
local t = setmetatable({}, {__index = function(_, i) return coroutine.yield(i) end, __len = function() return 2 end})
local co = coroutine.create(function() return table.concat(t, ",") end)
print(coroutine.resume(co))  -- expect: false	attempt to yield across a C-call boundary
