-- Calling a bad generic-for iterator names it.
print(pcall(function() for k in {} do end end))  -- expect: false	error-message-for-iterator.lua:2: attempt to call a table value (for iterator 'for iterator')
print(pcall(function() for k in nil do end end))  -- expect: false	error-message-for-iterator.lua:3: attempt to call a nil value (for iterator 'for iterator')
print(pcall(function() for k, v in 1, 2 do end end))  -- expect: false	error-message-for-iterator.lua:4: attempt to call a number value (for iterator 'for iterator')
