-- A zero step is an error.
print(pcall(function() for i = 1, 2, 0 do end end))  -- expect: false	for-zero-step-error.lua:2: 'for' step is zero
print(pcall(function() for i = 1.0, 2, 0 do end end))  -- expect: false	for-zero-step-error.lua:3: 'for' step is zero
print(pcall(function() for i = 1, 2, 0.0 do end end))  -- expect: false	for-zero-step-error.lua:4: 'for' step is zero
