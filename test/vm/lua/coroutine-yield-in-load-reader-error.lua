-- A load reader cannot yield.
local co = coroutine.create(function()
  return load(function() coroutine.yield("r") end)
end)
print(coroutine.resume(co))  -- expect: true	nil	attempt to yield across a C-call boundary
