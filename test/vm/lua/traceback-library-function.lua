-- A native library function appears by its qualified name.
local ok, tb = xpcall(string.rep, debug.traceback)
print(ok)
print(tb)

-- expect: false
-- expect: bad argument #1 to 'string.rep' (string expected, got no value)
-- expect: stack traceback:
-- expect: 	[C]: in function 'string.rep'
-- expect: 	[C]: in function 'xpcall'
-- expect: 	traceback-library-function.lua:2: in main chunk
-- expect: 	[C]: in ?
