-- Non-numeric strings cannot take part in arithmetic.
print(pcall(function() return "abc" + 1 end))  -- expect: false	number-string-coercion-arith-error.lua:2: attempt to add a 'string' with a 'number'
print(pcall(function() return 1 + "1x" end))  -- expect: false	number-string-coercion-arith-error.lua:3: attempt to add a 'number' with a 'string'
print(pcall(function() return {} + 1 end))  -- expect: false	number-string-coercion-arith-error.lua:4: attempt to perform arithmetic on a table value
print(pcall(function() return "" * 2 end))  -- expect: false	number-string-coercion-arith-error.lua:5: attempt to mul a 'string' with a 'number'
local s = "hello"
print(pcall(function() return -s end))  -- expect: false	number-string-coercion-arith-error.lua:7: attempt to unm a 'string' with a 'string'
print(s + 1)
-- expect error: number-string-coercion-arith-error.lua:8: attempt to add a 'string' with a 'number'
