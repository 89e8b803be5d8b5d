-- The numeric for checks its values.
print(pcall(function() for i = "a", 2 do end end))  -- expect: false	error-message-for-loop.lua:2: bad 'for' initial value (number expected, got string)
print(pcall(function() for i = 1, {} do end end))  -- expect: false	error-message-for-loop.lua:3: bad 'for' limit (number expected, got table)
print(pcall(function() for i = 1, 2, nil do end end))  -- expect: false	error-message-for-loop.lua:4: bad 'for' step (number expected, got nil)
print(pcall(function() for i = 1, 10, 0 do end end))  -- expect: false	error-message-for-loop.lua:5: 'for' step is zero
print(pcall(function() for i = 1.0, 10, 0.0 do end end))  -- expect: false	error-message-for-loop.lua:6: 'for' step is zero
