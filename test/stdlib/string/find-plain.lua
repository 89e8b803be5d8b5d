-- string.find with plain = true: no pattern characters
print(string.find("a.b.c", ".", 1, true))  -- expect: 2	2
print(string.find("a.b.c", ".", 3, true))  -- expect: 4	4
print(string.find("a+b", "+b", 1, true))  -- expect: 2	3
print(string.find("abc", "", 1, true))  -- expect: 1	0
print(string.find("abc", "", 4, true))  -- expect: 4	3
print(string.find("abc", "", 5, true))  -- expect: nil
print(string.find("abc", "x", 1, true))  -- expect: nil
print(string.find("a[b", "[", 1, 1))  -- expect: 2	2
print(string.find("hello", "l", -2, true))  -- expect: 4	4
print(string.find("hello", "lo", -100, true))  -- expect: 4	5
print(string.find("a\0b", "\0", 1, true))  -- expect: 2	2
