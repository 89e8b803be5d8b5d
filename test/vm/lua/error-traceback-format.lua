-- debug.traceback lists the active functions.
local function level3() return debug.traceback("msg") end
local function level2() return level3() .. "" end
local function level1() local r = level2() return r end
print(level1())

-- expect: msg
-- expect: stack traceback:
-- expect: 	error-traceback-format.lua:2: in upvalue 'level3'
-- expect: 	error-traceback-format.lua:3: in upvalue 'level2'
-- expect: 	error-traceback-format.lua:4: in local 'level1'
-- expect: 	error-traceback-format.lua:5: in main chunk
-- expect: 	[C]: in ?
