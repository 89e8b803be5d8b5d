-- string.match: the whole match or the captures
print(string.match("hello world", "%w+"))  -- expect: hello
print(string.match("hello world", "(%w+) (%w+)"))  -- expect: hello	world
print(string.match("  trim me  ", "^%s*(.-)%s*$"))  -- expect: trim me
print(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))  -- expect: 2024	01	15
print(string.match("abc", "x"))  -- expect: nil
print(string.match("abc", "()b()"))  -- expect: 2	3
print(string.match("[[nested]]", "%[(%b[])%]"))  -- expect: [nested]
print(string.match("THE (quick) fox", "%f[%a]%a+"))  -- expect: THE
print(string.match("key = value", "(%w+)%s*=%s*(%w+)"))  -- expect: key	value
print(string.match("aaa", "a-b"))  -- expect: nil
print(string.match("aaab", "a-b"))  -- expect: aaab
print(string.match("hello", ".-(l+)(.*)"))  -- expect: ll	o
print(string.match(12345, "3(%d)"))  -- expect: 4
