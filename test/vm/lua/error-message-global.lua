-- Runtime errors name global variables.
print(pcall(function() return undefined_global.x end))  -- expect: false	error-message-global.lua:2: attempt to index a nil value (global 'undefined_global')
print(pcall(function() undefined_global() end))  -- expect: false	error-message-global.lua:3: attempt to call a nil value (global 'undefined_global')
print(pcall(function() return undefined_global + 1 end))  -- expect: false	error-message-global.lua:4: attempt to perform arithmetic on a nil value (global 'undefined_global')
print(pcall(function() return #undefined_global end))  -- expect: false	error-message-global.lua:5: attempt to get length of a nil value (global 'undefined_global')
undefined_global.y = 2
-- expect error: error-message-global.lua:6: attempt to index a nil value (global 'undefined_global')
