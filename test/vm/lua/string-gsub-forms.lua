-- string.gsub with string, table and function replacements.
print(string.gsub("hello world", "o", "0"))  -- expect: hell0 w0rld	2
print(string.gsub("hello world", "(%w+)", "<%1>"))  -- expect: <hello> <world>	2
print(string.gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 42}))  -- expect: Bob is 42	2
print(string.gsub("abc", "%w", function(c) return c:upper() .. "." end))  -- expect: A.B.C.	3
print(string.gsub("abc", "", "-"))  -- expect: -a-b-c-	4
print(string.gsub("abc", "b", "%%"), string.gsub("aaa", "a", "b", 2))  -- expect: a%c	bba	2
print(pcall(string.gsub, "abc", "b", "%2"))  -- expect: false	invalid capture index %2
