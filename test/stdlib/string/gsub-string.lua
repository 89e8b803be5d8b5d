-- string.gsub with a string replacement: %0..%9 and %%
print(string.gsub("hello world", "o", "0"))  -- expect: hell0 w0rld	2
print(string.gsub("hello world", "(o)", "[%1]"))  -- expect: hell[o] w[o]rld	2
print(string.gsub("hello world", "%w+", "<%0>"))  -- expect: <hello> <world>	2
print(string.gsub("hello", "", "-"))  -- expect: -h-e-l-l-o-	6
print(string.gsub("abc", "(a)(b)(c)", "%3%2%1"))  -- expect: cba	1
print(string.gsub("abc", "b", "%%"))  -- expect: a%c	1
print(string.gsub("abc", "b", "%1"))  -- expect: abc	1
print(string.gsub("abc", "()b()", "%1-%2"))  -- expect: a2-3c	1
print(string.gsub("hello world", "(%w+) (%w+)", "%2 %1"))  -- expect: world hello	1
print(string.gsub("abc", "x", "y"))  -- expect: abc	0
print(string.gsub(12345, 3, 9))  -- expect: 12945	1
print(string.gsub("a.b.c", "%.", 1.5))  -- expect: a1.5b1.5c	2
print(string.gsub("abc", "b", 10))  -- expect: a10c	1
