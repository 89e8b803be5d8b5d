-- Resuming a coroutine that is not suspended.
local main = coroutine.running()
local a
a = coroutine.create(function()
  local b = coroutine.create(function()
    print(coroutine.resume(a))
  end)
  coroutine.resume(b)
end)
coroutine.resume(a)  -- expect: false	cannot resume non-suspended coroutine
print(coroutine.resume(main))  -- expect: false	cannot resume non-suspended coroutine
