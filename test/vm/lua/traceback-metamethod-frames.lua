-- Tracebacks name metamethods, fields, methods, upvalues and locals.
local mt = {__add = function(a, b) return debug.traceback("in add") end,
            __index = function(t, k) return debug.traceback("in index") end}
local o = setmetatable({}, mt)
print(o + 1)
print(o.x)

-- expect: in add
-- expect: stack traceback:
-- expect: 	traceback-metamethod-frames.lua:2: in metamethod 'add'
-- expect: 	traceback-metamethod-frames.lua:5: in main chunk
-- expect: 	[C]: in ?
-- expect: in index
-- expect: stack traceback:
-- expect: 	traceback-metamethod-frames.lua:3: in metamethod 'index'
-- expect: 	traceback-metamethod-frames.lua:6: in main chunk
-- expect: 	[C]: in ?
