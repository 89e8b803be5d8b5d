-- Converting strings with huge exponents.
print(tonumber("1e500"), tonumber("-1e500"), tonumber("1e-500"))  -- expect: inf	-inf	0.0
print("1e500" + 0, "0x1p99999" + 0)  -- expect: inf	inf
print(tonumber("0x1.8p1"), tonumber("0X1P-1074"))  -- expect: 3.0	4.9406564584125e-324
