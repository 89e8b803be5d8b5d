-- debug.traceback of a dead coroutine shows where it failed.
local co = coroutine.create(function()
  local x = nil
  return x + 1
end)
local ok, err = coroutine.resume(co)
print(ok, err)  -- expect: false	coroutine-error-with-traceback.lua:4: attempt to perform arithmetic on a nil value (local 'x')
print(debug.traceback(co))  -- expect: stack traceback: -- expect: 	coroutine-error-with-traceback.lua:4: in function <coroutine-error-with-traceback.lua:2>
