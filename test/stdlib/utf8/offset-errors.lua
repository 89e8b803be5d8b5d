-- utf8.offset: positions out of bounds and continuation bytes
print(pcall(utf8.offset, "abc", 1, 5))  -- expect: false	bad argument #3 to 'utf8.offset' (position out of bounds)
print(pcall(utf8.offset, "abc", 1, 0))  -- expect: false	bad argument #3 to 'utf8.offset' (position out of bounds)
print(pcall(utf8.offset, "abc", 1, -4))  -- expect: false	bad argument #3 to 'utf8.offset' (position out of bounds)
print(pcall(utf8.offset, "ñ", 1, 2))  -- expect: false	initial position is a continuation byte
print(pcall(utf8.offset, "ñ", -1, 2))  -- expect: false	initial position is a continuation byte
print(pcall(utf8.offset, "abc"))  -- expect: false	bad argument #2 to 'utf8.offset' (number expected, got no value)
print(pcall(utf8.offset, "abc", 1.5))  -- expect: false	bad argument #2 to 'utf8.offset' (number has no integer representation)
utf8.offset("€", 2, 3)
-- expect error: offset-errors.lua:9: initial position is a continuation byte
