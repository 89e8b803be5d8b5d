-- An error in __close during coroutine.close is returned.
local co = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function() error("in close") end})
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))  -- expect: false	coroutine-close-error-in-close.lua:3: in close
print(coroutine.status(co))  -- expect: dead
