-- A traceback from the main chunk.
print(debug.traceback("here"))
print(debug.traceback())

-- expect: here
-- expect: stack traceback:
-- expect: 	error-traceback-main-only.lua:2: in main chunk
-- expect: 	[C]: in ?
-- expect: stack traceback:
-- expect: 	error-traceback-main-only.lua:3: in main chunk
-- expect: 	[C]: in ?
