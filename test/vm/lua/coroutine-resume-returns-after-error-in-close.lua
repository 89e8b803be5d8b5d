-- An error in a __close while a coroutine finishes normally.
local co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() error("close err", 0) end})
  return "result"
end)
print(coroutine.resume(co))  -- expect: false	close err
print(coroutine.status(co))  -- expect: dead
