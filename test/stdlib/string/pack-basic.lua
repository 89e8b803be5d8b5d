-- string.pack: integers, floats, strings, endianness
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("i4", 1)), hex(string.pack(">i4", 1)), hex(string.pack("<i2", -2)))  -- expect: 01000000	00000001	feff
print(hex(string.pack("b B h H", -1, 255, -1, 65535)))  -- expect: ffffffffffff
print(hex(string.pack("j", math.mininteger)), hex(string.pack("J", -1)))  -- expect: 0000000000000080	ffffffffffffffff
print(hex(string.pack("i3", 0x123456)), hex(string.pack(">I5", 1)))  -- expect: 563412	0000000001
print(hex(string.pack("d", 1.5)), hex(string.pack(">f", -2.0)), hex(string.pack("n", 0.1)))  -- expect: 000000000000f83f	c0000000	9a9999999999b93f
print(hex(string.pack("z", "ab")), hex(string.pack("s1", "ab")), hex(string.pack("c5", "ab")))  -- expect: 616200	026162	6162000000
print(hex(string.pack("!4 b i4", 1, 2)), hex(string.pack("b x i2", 1, 2)))  -- expect: 0100000002000000	01000200
print(hex(string.pack("i16", -3)), hex(string.pack(">I9", 258)))  -- expect: fdffffffffffffffffffffffffffffff	000000000000000102
print(#string.pack("s", "hello"), #string.pack("T", 1), #string.pack("l L", 1, 2))  -- expect: 13	8	16
print(hex(string.pack("=i2 >i2 <i2", 1, 1, 1)))  -- expect: 010000010100
print(hex(string.pack("i1", "12")), hex(string.pack("i2", 3.0)))  -- expect: 0c	0300
