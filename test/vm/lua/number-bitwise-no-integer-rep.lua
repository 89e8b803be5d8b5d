-- Bitwise operators reject floats without an integer representation.
print(pcall(function() return 1.5 & 1 end))  -- expect: false	number-bitwise-no-integer-rep.lua:2: number has no integer representation
print(pcall(function() return 1 | 2^63 end))  -- expect: false	number-bitwise-no-integer-rep.lua:3: number has no integer representation
print(pcall(function() return math.huge >> 1 end))  -- expect: false	number-bitwise-no-integer-rep.lua:4: number (field 'huge') has no integer representation
print(pcall(function() return ~(0/0) end))  -- expect: false	number-bitwise-no-integer-rep.lua:5: number has no integer representation
print(pcall(function() return "1.5" | 0 end))  -- expect: false	number-bitwise-no-integer-rep.lua:6: attempt to perform bitwise operation on a string value (constant '1.5')
local f = 3.25
print(f & 1)
-- expect error: number-bitwise-no-integer-rep.lua:8: number (local 'f') has no integer representation
