-- string.find with patterns, plain search and init.
print(string.find("a.b.c", ".", 1, true), string.find("a.b.c", "%."), string.find("abc", "b", -1))  -- expect: 2	2	nil
print(string.find("abc", ""), string.find("abc", "", 10), string.find("abc", "", 4))  -- expect: 1	nil	4	3
print(string.find("hello world", "o w"), string.find("hello", "l+"))  -- expect: 5	3	4
print(string.find("key=value", "(%w+)=(%w+)"))  -- expect: 1	9	key	value
