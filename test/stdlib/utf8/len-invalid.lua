-- utf8.len: fail and the position of the first invalid byte
print(utf8.len("abc\xe3def"))  -- expect: nil	4
print(utf8.len("汉字\x80"))  -- expect: nil	7
print(utf8.len("\x80hello"))  -- expect: nil	1
print(utf8.len("hel\xbflo"))  -- expect: nil	4
print(utf8.len("\xc0\x80"))  -- expect: nil	1
print(utf8.len("\xf4\x90\x80\x80"))  -- expect: nil	1
print(utf8.len("\xf4\x90\x80\x80", 1, -1, true))  -- expect: 1
print(utf8.len("ab\xff", 1, 2))  -- expect: 2
print(utf8.len("\xfe\x80\x80\x80\x80\x80\x80", 1, -1, true))  -- expect: nil	1
