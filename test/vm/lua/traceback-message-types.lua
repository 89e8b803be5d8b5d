-- debug.traceback returns non-string messages untouched.
local t = {}
print(debug.traceback(t) == t, debug.traceback(nil), debug.traceback(12) ~= nil)
print((debug.traceback("x", 50)))

-- expect: true	stack traceback:
-- expect: 	traceback-message-types.lua:3: in main chunk
-- expect: 	[C]: in ?	true
-- expect: x
-- expect: stack traceback:
