-- A coroutine can yield inside a function called by xpcall.
local co = coroutine.wrap(function()
  return xpcall(function()
    local v = coroutine.yield("paused")
    error(v)
  end, function(m) return "handled: " .. m end)
end)
print(co())  -- expect: paused
print(co("value"))  -- expect: false	handled: coroutine-xpcall-yield-in-handler-body.lua:5: value
