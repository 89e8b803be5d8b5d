-- Integer literal forms and their types.
print(0xA, 0Xa, 00012, 1e0, 0x.8)  -- expect: 10	10	12	1.0	0.5
print(math.type(00012), math.type(0x10), math.type(1e0))  -- expect: integer	integer	float
