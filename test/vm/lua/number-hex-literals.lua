-- Hexadecimal literals: integers wrap, floats with p exponents.
print(0x10, 0xff, 0XA, 0xa.8p0, 0x.1p4, 0x1p-2)  -- expect: 16	255	10	10.5	1.0	0.25
print(0xffffffffffffffff, 0x8000000000000000, 0x1ffffffffffffffff)  -- expect: -1	-9223372036854775808	-1
print(0x1p63, 0x1P+4, 0xA.0, math.type(0xA.0))  -- expect: 9.2233720368548e+18	16.0	10.0	float
print(0x7fffffffffffffff + 0, 0x10000000000000000)  -- expect: 9223372036854775807	0
