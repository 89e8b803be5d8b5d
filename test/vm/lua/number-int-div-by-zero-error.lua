-- Integer floor division by zero is an error.
print(pcall(function() return 1 // 0 end))  -- expect: false	number-int-div-by-zero-error.lua:2: attempt to divide by zero
local z = 0
print(pcall(function() return 10 // z end))  -- expect: false	number-int-div-by-zero-error.lua:4: attempt to divide by zero
print(pcall(function() return math.mininteger // z end))  -- expect: false	number-int-div-by-zero-error.lua:5: attempt to divide by zero
print(1 // 0.0, 1.0 // 0)  -- expect: inf	inf
print(pcall(function(x) return x // z end, 5))  -- expect: false	number-int-div-by-zero-error.lua:7: attempt to divide by zero
