-- A yield deep in ordinary calls suspends the whole coroutine.
local function deep(n)
  if n == 0 then return coroutine.yield("bottom") end
  return 1 + deep(n - 1)
end
local co = coroutine.create(function() return deep(10) end)
print(coroutine.resume(co))  -- expect: true	bottom
print(coroutine.resume(co, 100))  -- expect: true	110
