-- expect error: goto-into-scope.lua:5: <goto done> at line 2 jumps into the scope of local 'result'
goto done
local result = 42
::done::
print(result)
