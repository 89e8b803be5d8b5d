-- nil and boolean constants.
local n <const> = nil
local b <const> = false
print(n, b, not b, n == nil)  -- expect: nil	false	true	true
print(pcall(function() return n.x end))  -- expect: false	const-nil-and-boolean-constants.lua:5: attempt to index a nil value
print(pcall(function() return b + 1 end))  -- expect: false	const-nil-and-boolean-constants.lua:6: attempt to perform arithmetic on a boolean value
