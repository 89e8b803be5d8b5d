-- utf8.len: position arguments out of bounds
print(pcall(utf8.len, "abc", 5))  -- expect: false	bad argument #2 to 'utf8.len' (initial position out of bounds)
print(pcall(utf8.len, "abc", 0))  -- expect: false	bad argument #2 to 'utf8.len' (initial position out of bounds)
print(pcall(utf8.len, "abc", 1, 4))  -- expect: false	bad argument #3 to 'utf8.len' (final position out of bounds)
print(pcall(utf8.len, "abc", -10))  -- expect: false	bad argument #2 to 'utf8.len' (initial position out of bounds)
print(pcall(utf8.len, "abc", 1.5))  -- expect: false	bad argument #2 to 'utf8.len' (number has no integer representation)
print(pcall(utf8.len))  -- expect: false	bad argument #1 to 'utf8.len' (string expected, got no value)
utf8.len("abc", 1, 10)
-- expect error: len-errors.lua:8: bad argument #3 to 'len' (final position out of bounds)
