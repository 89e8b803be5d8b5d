-- Calling a method on a number without a metatable.
print(pcall(function() return (5):foo() end))  -- expect: false	metamethod-index-on-number-method.lua:2: attempt to index a number value
local n = 5
print(pcall(function() return n:foo() end))  -- expect: false	metamethod-index-on-number-method.lua:4: attempt to index a number value (upvalue 'n')
