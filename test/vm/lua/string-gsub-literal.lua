-- gsub of a pattern without specials by a replacement without '%' is a literal search and
-- replace (string-pattern.ts gsubLiteral); everything else keeps the matcher. Both agree with Lua.
print(string.gsub("hello world hello", "hello", "bye"))  -- expect: bye world bye	2
print(string.gsub("hello world hello", "hello", "bye", 1))  -- expect: bye world hello	1
print(string.gsub("hello world hello", "hello", "bye", 0))  -- expect: hello world hello	0
print(string.gsub("hello world hello", "hello", "bye", -3))  -- expect: hello world hello	0
print(string.gsub("aaaa", "aa", "b"))  -- expect: bb	2
print(string.gsub("abc", "x", "y"))  -- expect: abc	0
print(string.gsub("abc", "", "-"))  -- expect: -a-b-c-	4
print(string.gsub("a.b.c", ".", "%%"))  -- expect: %%%%%	5
print(string.gsub("a b c", " ", 5))  -- expect: a5b5c	2
print(string.gsub("a b c", " ", 5.5))  -- expect: a5.5b5.5c	2
print(string.gsub("a b c", " ", "%0%0"))  -- expect: a  b  c	2
print(string.gsub("a\0b\0c", "\0", "<nul>"))  -- expect: a<nul>b<nul>c	2
print(string.gsub(string.rep("ab", 2000), "b", "xyz", 1500):len())  -- expect: 7000
print(pcall(string.gsub, "abc", "b", true))  -- expect: false	bad argument #3 to 'string.gsub' (string/function/table expected, got boolean)
print(string.gsub("abc", "b", "", math.maxinteger))  -- expect: ac	1
