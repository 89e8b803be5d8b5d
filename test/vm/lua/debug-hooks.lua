local function f(a, b)
  local c = a + b
  print(debug.getlocal(1, 1), debug.getlocal(1, 3))
  local info = debug.getinfo(1, "nSl")
  print(info.name, info.namewhat, info.short_src, info.currentline, info.what, info.linedefined)
  return c
end
f(1, 2)
local lines = {}
debug.sethook(function(e, l) lines[#lines+1] = e .. ":" .. tostring(l) end, "crl")
f(3, 4)
debug.sethook()
for i = 1, #lines do print(lines[i]) end
print(debug.traceback("msg"))
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
print(debug.traceback(co))
print(pcall(debug.getlocal, 50, 1))

-- expect: a	c	3
-- expect: f	local	debug-hooks.lua	4	Lua	1
-- expect: a	c	7
-- expect: f	local	debug-hooks.lua	4	Lua	1
-- expect: return:nil
-- expect: line:11
-- expect: call:nil
-- expect: line:2
-- expect: line:3
-- expect: call:nil
-- expect: return:nil
-- expect: call:nil
-- expect: return:nil
-- expect: call:nil
-- expect: return:nil
-- expect: line:4
-- expect: call:nil
-- expect: return:nil
-- expect: line:5
-- expect: call:nil
-- expect: return:nil
-- expect: line:6
-- expect: return:nil
-- expect: line:12
-- expect: call:nil
-- expect: msg
-- expect: stack traceback:
-- expect: 	debug-hooks.lua:14: in main chunk
-- expect: 	[C]: in ?
-- expect: stack traceback:
-- expect: 	[C]: in function 'coroutine.yield'
-- expect: 	debug-hooks.lua:15: in function <debug-hooks.lua:15>
-- expect: false	bad argument #1 to 'debug.getlocal' (level out of range)
