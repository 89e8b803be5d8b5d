-- Shifts by 64 or more give zero; negative shifts reverse direction.
print(1 << 63, 1 << 64, 1 << 100, -1 >> 64, -1 >> 100)  -- expect: -9223372036854775808	0	0	0	0
print(8 >> -2, 8 << -2, 1 << math.mininteger, 1 >> math.mininteger)  -- expect: 32	2	0	0
print(0xff >> 4, 0xff << 60, (0xff << 60) >> 60)  -- expect: 15	-1152921504606846976	15
