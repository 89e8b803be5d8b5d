-- utf8.char: code points to UTF-8
print(utf8.char(72, 228, 8364, 128512))  -- expect: Hä€😀
print(#utf8.char(0x7f), #utf8.char(0x80), #utf8.char(0x7ff), #utf8.char(0x800))  -- expect: 1	2	2	3
print(#utf8.char(0xffff), #utf8.char(0x10000), #utf8.char(0x10ffff))  -- expect: 3	4	4
print(utf8.char() == "", utf8.char(0) == "\0")  -- expect: true	true
print(utf8.char(0x20ac):byte(1, -1))  -- expect: 226	130	172
print(utf8.char("65", 66.0))  -- expect: AB
print(utf8.char(0xd800):byte(1, -1))  -- expect: 237	160	128
