-- Integer modulo by zero is an error.
print(pcall(function() return 1 % 0 end))  -- expect: false	number-int-mod-by-zero-error.lua:2: attempt to perform 'n%0'
local z = 0
print(pcall(function(a) return a % z end, 7))  -- expect: false	number-int-mod-by-zero-error.lua:4: attempt to perform 'n%0'
print(1 % 0.0 ~= 1 % 0.0)  -- expect: true
print(1.0 % 0 ~= 1.0 % 0)  -- expect: true
print(pcall(function(y) return y % z end, 3))  -- expect: false	number-int-mod-by-zero-error.lua:7: attempt to perform 'n%0'
