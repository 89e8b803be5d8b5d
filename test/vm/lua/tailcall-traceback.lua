-- A tail call shows up in tracebacks as "(...tail calls...)".
local function inner() return debug.traceback("tb", 1) end
local function outer() return inner() end
print(outer())

-- expect: tb
-- expect: stack traceback:
-- expect: 	tailcall-traceback.lua:2: in function <tailcall-traceback.lua:2>
-- expect: 	(...tail calls...)
-- expect: 	tailcall-traceback.lua:4: in main chunk
-- expect: 	[C]: in ?
