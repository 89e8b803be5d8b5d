-- Calling a missing global function.
print(pcall(function() notafunction(1, 2) end))  -- expect: false	error-message-call-nil-global-func.lua:2: attempt to call a nil value (global 'notafunction')
print(pcall(function() string.nofunction() end))  -- expect: false	error-message-call-nil-global-func.lua:3: attempt to call a nil value (field 'nofunction')
print(pcall(function() local m = math; m.nofunction() end))  -- expect: false	error-message-call-nil-global-func.lua:4: attempt to call a nil value (field 'nofunction')
