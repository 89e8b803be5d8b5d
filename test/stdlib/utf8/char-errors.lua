-- utf8.char: values out of range
print(pcall(utf8.char, -1))  -- expect: false	bad argument #1 to 'utf8.char' (value out of range)
print(pcall(utf8.char, 0x80000000))  -- expect: false	bad argument #1 to 'utf8.char' (value out of range)
print(pcall(utf8.char, 65, math.maxinteger))  -- expect: false	bad argument #2 to 'utf8.char' (value out of range)
print(pcall(utf8.char, 1.5))  -- expect: false	bad argument #1 to 'utf8.char' (number has no integer representation)
print(pcall(utf8.char, "x"))  -- expect: false	bad argument #1 to 'utf8.char' (number expected, got string)
print(pcall(utf8.char, nil))  -- expect: false	bad argument #1 to 'utf8.char' (number expected, got nil)
utf8.char(65, -2)
-- expect error: char-errors.lua:8: bad argument #2 to 'char' (value out of range)
