-- debug.traceback with a level and a non-string message.
local function f() return debug.traceback("L2", 2) end
local function g() return f() end
print(g())
print(debug.traceback(42))
print(type(debug.traceback({})))
print(debug.traceback(nil) == nil)

-- expect: L2
-- expect: stack traceback:
-- expect: 	error-traceback-levels.lua:4: in main chunk
-- expect: 	[C]: in ?
-- expect: 42
-- expect: stack traceback:
-- expect: 	error-traceback-levels.lua:5: in main chunk
-- expect: 	[C]: in ?
-- expect: table
-- expect: false
