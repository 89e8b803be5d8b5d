-- Arithmetic on a non-numeric string fails in the string metamethods.
print(pcall(function() return "abc" + 1 end))  -- expect: false	number-string-arith-metamethod-message.lua:2: attempt to add a 'string' with a 'number'
print(pcall(function() return 1 - "x" end))  -- expect: false	number-string-arith-metamethod-message.lua:3: attempt to sub a 'number' with a 'string'
print(pcall(function() return "1" * {} end))  -- expect: false	number-string-arith-metamethod-message.lua:4: attempt to mul a 'string' with a 'table'
print(pcall(function() return "a" // "b" end))  -- expect: false	number-string-arith-metamethod-message.lua:5: attempt to idiv a 'string' with a 'string'
print(pcall(function() return -"z" end))  -- expect: false	number-string-arith-metamethod-message.lua:6: attempt to unm a 'string' with a 'string'
print(pcall(function() local t = {} return t + "1" end))  -- expect: false	number-string-arith-metamethod-message.lua:7: attempt to add a 'table' with a 'string'
