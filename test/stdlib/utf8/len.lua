-- utf8.len: characters in a range
print(utf8.len("añ€😀"), utf8.len(""), utf8.len("abc"))  -- expect: 4	0	3
print(utf8.len("añ€😀", 2), utf8.len("añ€😀", 4), utf8.len("añ€😀", -4))  -- expect: 3	2	1
print(utf8.len("añ€😀", 1, 1), utf8.len("añ€😀", 1, 3), utf8.len("añ€😀", 1, 2))  -- expect: 1	2	2
print(utf8.len("abc", 4), utf8.len("abc", 1, 0), utf8.len("abc", 3, 1))  -- expect: 0	0	0
print(utf8.len("abc", -1), utf8.len("abc", 1, -2))  -- expect: 1	2
print(utf8.len(utf8.char(0xd800)), utf8.len(utf8.char(0xd800), 1, -1, true))  -- expect: nil	1
print(utf8.len(utf8.char(0x7fffffff), 1, -1, true))  -- expect: 1
