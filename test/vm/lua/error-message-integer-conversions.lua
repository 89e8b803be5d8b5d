-- Float to integer conversion errors.
print(pcall(function() return ("x"):rep(1.5) end))  -- expect: false	error-message-integer-conversions.lua:2: bad argument #1 to 'rep' (number has no integer representation)
print(pcall(string.char, 256))  -- expect: false	bad argument #1 to 'string.char' (value out of range)
print(pcall(string.sub, "abc", 1.5))  -- expect: false	bad argument #2 to 'string.sub' (number has no integer representation)
print(pcall(function() local t = {} t[1.5] = 1 return #t end))  -- expect: true	0
print(pcall(table.concat, {}, "", 1, 2^63))  -- expect: false	bad argument #4 to 'table.concat' (number has no integer representation)
