-- Closing a running coroutine is a plain error ("cannot close a running coroutine"), not an
-- argument error; luaL_error adds the caller's position.
local co
co = coroutine.create(function()
  print(pcall(coroutine.close, co))
  print(pcall(function() local r = coroutine.close(co) return r end))
end)
coroutine.resume(co)  -- expect: false	cannot close a running coroutine -- expect: false	coroutine-close-running-error.lua:6: cannot close a running coroutine
print(pcall(coroutine.close, coroutine.running()))  -- expect: false	cannot close a running coroutine
