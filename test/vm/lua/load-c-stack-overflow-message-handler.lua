-- Under lua.c, a "C stack overflow" raised while parsing runs the standalone interpreter's message
-- handler (the parser keeps L->errfunc), so load's message carries a traceback.
print(select(2, load(string.rep("do ", 300) .. string.rep("end ", 300), "=x")))

-- expect: C stack overflow
-- expect: stack traceback:
-- expect: 	[C]: in function 'load'
-- expect: 	load-c-stack-overflow-message-handler.lua:3: in main chunk
-- expect: 	[C]: in ?
