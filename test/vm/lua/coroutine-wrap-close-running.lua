-- coroutine.close on a coroutine with pending pcall and close.
local co = coroutine.create(function()
  local ok = pcall(function()
    local x <close> = setmetatable({}, {__close = function() print("closed inside pcall") end})
    coroutine.yield("waiting")
  end)
  print("never", ok)
end)
print(coroutine.resume(co))  -- expect: true	waiting -- expect: closed inside pcall
print(coroutine.close(co))  -- expect: true
