-- Unary minus on numeric strings uses the string metamethods.
print(-"10", math.type(-"10"), -"1.5", -"0x10")  -- expect: -10	integer	-1.5	-16
print(pcall(function() return -"abc" end))  -- expect: false	metamethod-unm-on-string.lua:3: attempt to unm a 'string' with a 'string'
