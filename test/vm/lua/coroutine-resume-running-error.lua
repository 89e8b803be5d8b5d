-- A coroutine cannot resume itself.
local co
co = coroutine.create(function()
  print(coroutine.resume(co))
  print(coroutine.resume(coroutine.running()))
end)
coroutine.resume(co)  -- expect: false	cannot resume non-suspended coroutine -- expect: false	cannot resume non-suspended coroutine
print(coroutine.resume(coroutine.running()))  -- expect: false	cannot resume non-suspended coroutine
