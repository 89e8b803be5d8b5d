-- Float arithmetic is IEEE double arithmetic.
print(0.1 + 0.2, 1 - 0.9, 100 * 1.1, 3 * 0.1)  -- expect: 0.3	0.1	110.0	0.3
print(1e16 + 1, 2^53 + 1, 2^53 + 2)  -- expect: 1e+16	9.007199254741e+15	9.007199254741e+15
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)  -- expect: inf	-inf	0.0
print(string.format("%.17g", 0.1), string.format("%.17g", 1/3))  -- expect: 0.10000000000000001	0.33333333333333331
