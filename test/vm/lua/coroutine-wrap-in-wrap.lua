-- Nested wrapped coroutines yield to their own resumer.
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function()
    coroutine.yield("inner 1")
    coroutine.yield("inner 2")
  end)
  coroutine.yield("outer got " .. inner())
  coroutine.yield("outer got " .. inner())
  return "outer done"
end)
print(outer())  -- expect: outer got inner 1
print(outer())  -- expect: outer got inner 2
print(outer())  -- expect: outer done
