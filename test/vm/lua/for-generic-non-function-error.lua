-- Iterating over a non-callable is an error.
print(pcall(function() for k in 5 do end end))  -- expect: false	for-generic-non-function-error.lua:2: attempt to call a number value (for iterator 'for iterator')
print(pcall(function() for k in {} do end end))  -- expect: false	for-generic-non-function-error.lua:3: attempt to call a table value (for iterator 'for iterator')
print(pcall(function() local t = {} for k, v in t do end end))  -- expect: false	for-generic-non-function-error.lua:4: attempt to call a table value (for iterator 'for iterator')
print(pcall(function() for k, v in nil do end end))  -- expect: false	for-generic-non-function-error.lua:5: attempt to call a nil value (for iterator 'for iterator')
