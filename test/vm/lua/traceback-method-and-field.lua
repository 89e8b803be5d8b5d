-- Tracebacks name methods and fields.
local obj = {}
function obj:m() return debug.traceback("m") end
local lib = {f = function() return obj:m() .. "" end}
local function up() return lib.f() .. "" end
print(up())

-- expect: m
-- expect: stack traceback:
-- expect: 	traceback-method-and-field.lua:3: in method 'm'
-- expect: 	traceback-method-and-field.lua:4: in field 'f'
-- expect: 	traceback-method-and-field.lua:5: in local 'up'
-- expect: 	traceback-method-and-field.lua:6: in main chunk
-- expect: 	[C]: in ?
