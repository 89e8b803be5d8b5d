-- string.rep: repetitions with and without a separator
print(string.rep("ab", 3))  -- expect: ababab
print(string.rep("ab", 3, ","))  -- expect: ab,ab,ab
print(string.rep("ab", 1, ","))  -- expect: ab
print(string.rep("ab", 0, ","), string.rep("ab", -5) == "")  -- expect: 	true
print(string.rep("", 5), string.rep("", 3, "-"))  -- expect: 	--
print(string.rep("x", 2.0), string.rep("x", "3"))  -- expect: xx	xxx
print(#string.rep("abc", 100000))  -- expect: 300000
print(#string.rep("a", 1000, "bc"))  -- expect: 2998
print(("=-"):rep(5))  -- expect: =-=-=-=-=-
print(string.rep(12, 2, 0))  -- expect: 12012
