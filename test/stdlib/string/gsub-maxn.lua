-- string.gsub: the maximum number of replacements
print(string.gsub("aaaa", "a", "b", 2))  -- expect: bbaa	2
print(string.gsub("aaaa", "a", "b", 0))  -- expect: aaaa	0
print(string.gsub("aaaa", "a", "b", -1))  -- expect: aaaa	0
print(string.gsub("aaaa", "a", "b", 10))  -- expect: bbbb	4
print(string.gsub("aaaa", "a", "b", math.maxinteger))  -- expect: bbbb	4
print(string.gsub("aaaa", "a", "b", 2.0))  -- expect: bbaa	2
print(string.gsub("aaaa", "a", "b", "3"))  -- expect: bbba	3
print(pcall(string.gsub, "aaaa", "a", "b", 1.5))  -- expect: false	bad argument #4 to 'string.gsub' (number has no integer representation)
print(string.gsub("abc", "", "-", 2))  -- expect: -a-bc	2
