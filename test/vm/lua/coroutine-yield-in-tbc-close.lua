-- A __close metamethod can yield.
local co = coroutine.wrap(function()
  do
    local x <close> = setmetatable({}, {__close = function() coroutine.yield("closing") end})
    coroutine.yield("body")
  end
  return "after"
end)
print(co())  -- expect: body
print(co())  -- expect: closing
print(co())  -- expect: after
