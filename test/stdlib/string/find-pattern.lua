-- string.find with patterns: positions and captures
print(string.find("hello world", "o w"))  -- expect: 5	7
print(string.find("hello world", "(o)(r)"))  -- expect: 8	9	o	r
print(string.find("hello", "l+"))  -- expect: 3	4
print(string.find("hello", "^h"))  -- expect: 1	1
print(string.find("hello", "^e"))  -- expect: nil
print(string.find("hello", "o$"))  -- expect: 5	5
print(string.find("hello", "()ll()"))  -- expect: 3	4	3	5
print(string.find("key = value", "(%w+)%s*=%s*(%w+)"))  -- expect: 1	11	key	value
print(string.find("abc", "[b-c]+"))  -- expect: 2	3
print(string.find("abc\0\0", "\0."))  -- expect: 4	5
print(string.find("", ""))  -- expect: 1	0
print(string.find("", "^$"))  -- expect: 1	0
print(string.find("abc", "b", 1, false))  -- expect: 2	2
