-- Concatenation converts numbers but not booleans or nil.
print(1 .. "", 1.5 .. "", pcall(function() return true .. "" end))  -- expect: 1	1.5	false	string-coercion-in-concat-only-numbers.lua:2: attempt to concatenate a boolean value
