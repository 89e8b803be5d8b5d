-- Calling non-functions names their type.
print(pcall(function() ("x")() end))  -- expect: false	error-message-call-string.lua:2: attempt to call a string value (constant 'x')
print(pcall(function() local t = {f = 1} t.f() end))  -- expect: false	error-message-call-string.lua:3: attempt to call a number value (field 'f')
print(pcall(function() local t = {} t[1]() end))  -- expect: false	error-message-call-string.lua:4: attempt to call a nil value (field 'integer index')
print(pcall(function() (1)() end))  -- expect: false	error-message-call-string.lua:5: attempt to call a number value
print(pcall(function() local co = coroutine.create(print) co() end))  -- expect: false	error-message-call-string.lua:6: attempt to call a thread value (local 'co')
