-- __tostring called by tostring cannot yield.
local obj = setmetatable({}, {__tostring = function() coroutine.yield("t") return "s" end})
local co = coroutine.create(function() return tostring(obj) end)
print(coroutine.resume(co))  -- expect: false	attempt to yield across a C-call boundary
