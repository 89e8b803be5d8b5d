-- string.gsub: anchored patterns replace at most once
print(string.gsub("aaa", "^a", "b"))  -- expect: baa	1
print(string.gsub("aaa", "^b", "c"))  -- expect: aaa	0
print(string.gsub("hello", "^", ">"))  -- expect: >hello	1
print(string.gsub("hello", "$", "<"))  -- expect: hello<	1
print(string.gsub("hello", "^h(.*)o$", "%1"))  -- expect: ell	1
print(string.gsub("", "^", "x"))  -- expect: x	1
print(string.gsub("", "", "x"))  -- expect: x	1
