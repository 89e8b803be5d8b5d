-- string.byte and string.char round-trip bytes.
print(string.byte("ABC"), string.byte("ABC", 2), string.byte("ABC", -1), string.byte("ABC", 1, 3))  -- expect: 65	66	67	65	66	67
print(string.char(72, 105), string.char(), #string.char(0, 255))  -- expect: Hi		2
print(string.byte("", 1), string.byte("abc", 10))  -- expect: nil
print(pcall(string.char, -1))  -- expect: false	bad argument #1 to 'string.char' (value out of range)
