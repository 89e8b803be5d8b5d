-- The traceback of a suspended coroutine.
local co = coroutine.create(function()
  local function inner() coroutine.yield() end
  inner()
end)
coroutine.resume(co)
print(debug.traceback(co))  -- expect: stack traceback: -- expect: 	[C]: in function 'coroutine.yield' -- expect: 	traceback-suspended-coroutine.lua:3: in local 'inner' -- expect: 	traceback-suspended-coroutine.lua:4: in function <traceback-suspended-coroutine.lua:2>
print(debug.traceback(co, "msg"))  -- expect: msg -- expect: stack traceback: -- expect: 	[C]: in function 'coroutine.yield' -- expect: 	traceback-suspended-coroutine.lua:3: in local 'inner' -- expect: 	traceback-suspended-coroutine.lua:4: in function <traceback-suspended-coroutine.lua:2>
print(debug.traceback(co, "lvl1", 1))  -- expect: lvl1 -- expect: stack traceback: -- expect: 	traceback-suspended-coroutine.lua:3: in local 'inner' -- expect: 	traceback-suspended-coroutine.lua:4: in function <traceback-suspended-coroutine.lua:2>
