-- string.unpack: values back, then the next position
print(string.unpack("i4", string.pack("i4", 100)))  -- expect: 100	5
print(string.unpack("<i2 >i2", "\1\0\0\1"))  -- expect: 1	1	5
print(string.unpack("b B", "\255\255"))  -- expect: -1	255	3
print(string.unpack("z z", "ab\0cd\0"))  -- expect: ab	cd	7
print(string.unpack("s1", "\3abcdef"))  -- expect: abc	5
print(string.unpack("c3", "abcdef", 2))  -- expect: bcd	5
print(string.unpack("d", string.pack("d", -0.5)))  -- expect: -0.5	9
print(string.unpack("f", string.pack("f", 0.5)))  -- expect: 0.5	5
print(string.unpack("j", string.pack("j", math.maxinteger)))  -- expect: 9223372036854775807	9
print(string.unpack("i16", string.pack("i16", -7)))  -- expect: -7	17
print(string.unpack("I3", "\1\2\3"))  -- expect: 197121	4
print(string.unpack("i1", "abc", -1))  -- expect: 99	4
print(math.type((string.unpack("n", string.pack("n", 3)))))  -- expect: float
print(pcall(string.unpack, "i4", "abc"))  -- expect: false	bad argument #2 to 'string.unpack' (data string too short)
print(pcall(string.unpack, "z", "abc"))  -- expect: false	bad argument #2 to 'string.unpack' (unfinished string for format 'z')
print(pcall(string.unpack, "i", "1234", 6))  -- expect: false	bad argument #3 to 'string.unpack' (initial position out of string)
print(pcall(string.unpack, "i9", string.rep("\255", 8) .. "\1"))  -- expect: false	9-byte integer does not fit into Lua Integer
print(pcall(string.unpack, "s1", "\5ab"))  -- expect: false	bad argument #2 to 'string.unpack' (data string too short)
print(pcall(string.unpack))  -- expect: false	bad argument #1 to 'string.unpack' (string expected, got no value)
