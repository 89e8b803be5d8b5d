-- Arithmetic errors name the type of the bad operand.
print(pcall(function() return true + 1 end))  -- expect: false	error-message-arith-types.lua:2: attempt to perform arithmetic on a boolean value
print(pcall(function() return 1 + print end))  -- expect: false	error-message-arith-types.lua:3: attempt to perform arithmetic on a function value (global 'print')
print(pcall(function() return coroutine.create(print) * 2 end))  -- expect: false	error-message-arith-types.lua:4: attempt to perform arithmetic on a thread value
print(pcall(function() return nil - 1 end))  -- expect: false	error-message-arith-types.lua:5: attempt to perform arithmetic on a nil value
print(pcall(function() local a, b = 1, nil return a / b end))  -- expect: false	error-message-arith-types.lua:6: attempt to perform arithmetic on a nil value (local 'b')
