-- string.byte: defaults, ranges and negative positions
print(string.byte("ABC"))  -- expect: 65
print(string.byte("ABC", 2))  -- expect: 66
print(string.byte("ABC", 1, 3))  -- expect: 65	66	67
print(string.byte("ABC", -1))  -- expect: 67
print(string.byte("ABC", -2, -1))  -- expect: 66	67
print(string.byte("\0\255\128"))  -- expect: 0
print(string.byte("\0\255\128", 1, -1))  -- expect: 0	255	128
print(("xyz"):byte(1, -1))  -- expect: 120	121	122
print(string.byte(123, 2))  -- expect: 50
