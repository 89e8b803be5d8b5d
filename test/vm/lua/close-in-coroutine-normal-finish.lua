-- <close> in a coroutine closes when the body finishes.
local co = coroutine.wrap(function()
  local x <close> = setmetatable({}, {__close = function() print("closed in coroutine") end})
  coroutine.yield(1)
  return 2
end)
print(co())  -- expect: 1
print(co())  -- expect: closed in coroutine -- expect: 2
