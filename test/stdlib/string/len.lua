-- string.len and #: byte counts, embedded zeros, numbers converted
print(string.len(""), string.len("abc"), string.len("\0\0\0"))  -- expect: 0	3	3
print(string.len("é"), #"é")  -- expect: 2	2
print(string.len(12345), string.len(1.5))  -- expect: 5	3
print(("hello"):len())  -- expect: 5
print(pcall(string.len))  -- expect: false	bad argument #1 to 'string.len' (string expected, got no value)
print(pcall(string.len, {}))  -- expect: false	bad argument #1 to 'string.len' (string expected, got table)
print(pcall(string.len, nil))  -- expect: false	bad argument #1 to 'string.len' (string expected, got nil)
