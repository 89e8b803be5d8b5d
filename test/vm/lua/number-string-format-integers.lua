-- string.format with integer conversions.
print(string.format("%d %5d %-5d| %05d", 42, 42, 42, 42))  -- expect: 42    42 42   | 00042
print(string.format("%x %X %o", 255, 255, 8))  -- expect: ff FF 10
print(string.format("%d", 3.0))  -- expect: 3
print(pcall(string.format, "%d", 3.5))  -- expect: false	bad argument #2 to 'string.format' (number has no integer representation)
print(string.format("%d", math.mininteger), string.format("%x", -1))  -- expect: -9223372036854775808	ffffffffffffffff
print(string.format("%i", -7), string.format("%+d", 5))  -- expect: -7	+5
