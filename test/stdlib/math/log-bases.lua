-- log with a base: 2 and 10 use log2 and log10; others log(x)/log(b).
print(math.log(8, 2), math.log(1024, 2), math.log(3, 2))  -- expect: 3.0	10.0	1.5849625007212
print(math.log(100, 10), math.log(1000, 10), math.log(2, 10))  -- expect: 2.0	3.0	0.30102999566398
print(math.log(27, 3), math.log(9, 3), math.log(2, 0.5))  -- expect: 3.0	2.0	-1.0
print(math.log(0, 2), math.log(0, 10), math.log(0, 3))  -- expect: -inf	-inf	-inf
print(math.log(-1, 2), math.log(-1, 10), math.log(-1, 3))  -- expect: -nan	nan	-nan
print(math.log(2, 1), math.log(1, 1), math.log(2, -1), math.log(2, 0))  -- expect: inf	-nan	-nan	-0.0
print(math.log(2, "2"), math.floor(math.log(math.maxinteger, 2) + 0.5))  -- expect: 1.0	63
