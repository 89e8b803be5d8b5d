-- Floats keep their ".0" through conversions.
print(3.0, 3.0 .. "", string.format("%s", 3.0), tostring(-2.0))  -- expect: 3.0	3.0	3.0	-2.0
print(10 // 1.0, 2^10, 1e3, 8 / 2)  -- expect: 10.0	1024.0	1000.0	4.0
print(math.floor(3.0), 3.0 + 0, 3.0 | 0)  -- expect: 3	3.0	3
