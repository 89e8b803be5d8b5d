-- tostring of integers.
print(0, -0, 1, -1, math.maxinteger, math.mininteger)  -- expect: 0	0	1	-1	9223372036854775807	-9223372036854775808
print(tostring(123), tostring(-5), 0x7fffffffffffffff, 0xffffffffffffffff)  -- expect: 123	-5	9223372036854775807	-1
print(1e2 // 1, 100 // 1, 0x10, 1 << 63)  -- expect: 100.0	100	16	-9223372036854775808
