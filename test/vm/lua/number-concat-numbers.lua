-- Numbers are converted to strings by concatenation.
print(1 .. 2, 1.0 .. "", -0.0 .. "", 2^63 .. "", math.mininteger .. "")  -- expect: 12	1.0	-0.0	9.2233720368548e+18	-9223372036854775808
print(1e100 .. "|", 0.1 .. "|", (1/0) .. "|")  -- expect: 1e+100|	0.1|	inf|
local n = 42
print("n=" .. n .. ";" .. n / 2)  -- expect: n=42;21.0
