-- Bitwise operators on 64-bit integers.
print(5 & 3, 5 | 3, 5 ~ 3, ~5, ~0, 1 << 4, 256 >> 4)  -- expect: 1	7	6	-6	-1	16	16
print(-1 >> 1, -1 >> 63, -1 << 63, 1 << 63, 1 << 64, 1 >> 64)  -- expect: 9223372036854775807	1	-9223372036854775808	-9223372036854775808	0	0
print(1 << -1, 2 >> -1, -1 >> -1, 3 << 0)  -- expect: 0	4	-2	3
print(0xff00 & 0x0ff0, 0xf0 | 0x0f, 0xff ~ 0x0f)  -- expect: 3840	255	240
print(math.mininteger >> 63, math.maxinteger << 1)  -- expect: 1	-2
