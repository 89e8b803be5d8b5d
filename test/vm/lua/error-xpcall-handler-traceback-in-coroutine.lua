-- xpcall with debug.traceback inside a coroutine.
local co = coroutine.wrap(function()
  local ok, tb = xpcall(function() error("in co") end, debug.traceback)
  return ok, tb
end)
print(co())  -- expect: false	error-xpcall-handler-traceback-in-coroutine.lua:3: in co -- expect: stack traceback: -- expect: 	[C]: in function 'error' -- expect: 	error-xpcall-handler-traceback-in-coroutine.lua:3: in function <error-xpcall-handler-traceback-in-coroutine.lua:3> -- expect: 	[C]: in function 'xpcall' -- expect: 	error-xpcall-handler-traceback-in-coroutine.lua:3: in function <error-xpcall-handler-traceback-in-coroutine.lua:2>
