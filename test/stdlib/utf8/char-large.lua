-- utf8.char: values beyond Unicode, up to 2^31 - 1, in 5- and 6-byte sequences
print(utf8.char(0x110000):byte(1, -1))  -- expect: 244	144	128	128
print(utf8.char(0x1fffff):byte(1, -1))  -- expect: 247	191	191	191
print(utf8.char(0x200000):byte(1, -1))  -- expect: 248	136	128	128	128
print(utf8.char(0x3ffffff):byte(1, -1))  -- expect: 251	191	191	191	191
print(utf8.char(0x4000000):byte(1, -1))  -- expect: 252	132	128	128	128	128
print(utf8.char(0x7fffffff):byte(1, -1))  -- expect: 253	191	191	191	191	191
