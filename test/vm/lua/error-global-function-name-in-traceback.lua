-- Tracebacks name global, local, method and field functions.
function globalfn() return debug.traceback() end
local obj = {}
function obj.field() return globalfn() .. "" end
function obj:method() return obj.field() .. "" end
local function localfn() return obj:method() .. "" end
print(localfn())

-- expect: stack traceback:
-- expect: 	error-global-function-name-in-traceback.lua:2: in function 'globalfn'
-- expect: 	error-global-function-name-in-traceback.lua:4: in field 'field'
-- expect: 	error-global-function-name-in-traceback.lua:5: in method 'method'
-- expect: 	error-global-function-name-in-traceback.lua:6: in local 'localfn'
-- expect: 	error-global-function-name-in-traceback.lua:7: in main chunk
-- expect: 	[C]: in ?
