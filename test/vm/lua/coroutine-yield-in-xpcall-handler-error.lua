-- A message handler cannot yield.
local co = coroutine.create(function()
  return xpcall(function() error("e") end, function(m) coroutine.yield("from handler") return m end)
end)
print(coroutine.resume(co))  -- expect: true	false	error in error handling
