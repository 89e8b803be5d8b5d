-- coroutine.close runs pending to-be-closed variables.
local co = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("close a", e) end})
  local b <close> = setmetatable({}, {__close = function(_, e) print("close b", e) end})
  coroutine.yield("y")
end)
print(coroutine.resume(co))  -- expect: true	y -- expect: close b	nil -- expect: close a	nil
print(coroutine.close(co))  -- expect: true
print(coroutine.status(co))  -- expect: dead
