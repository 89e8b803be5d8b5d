-- Exponents in numerals and conversions.
print(1e0, 1e-0, 1e+0, 2e3, 2E3)  -- expect: 1.0	1.0	1.0	2000.0	2000.0
print(tonumber("1e+308"), tonumber("1e309"), tonumber("-1e309"))  -- expect: 1e+308	inf	-inf
print(tonumber("0x1p4"), tonumber("0x1P-1"), tonumber("0xA.8"))  -- expect: 16.0	0.5	10.5
