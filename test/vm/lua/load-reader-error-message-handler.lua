-- Under lua.c, an error raised by a load reader runs the standalone interpreter's message handler
-- (load keeps L->errfunc), so load's message carries a traceback.
print(load(function() error("reader failed") end))

-- expect: nil	load-reader-error-message-handler.lua:3: reader failed
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	load-reader-error-message-handler.lua:3: in function <load-reader-error-message-handler.lua:3>
-- expect: 	[C]: in function 'load'
-- expect: 	load-reader-error-message-handler.lua:3: in main chunk
-- expect: 	[C]: in ?
