-- string.reverse
print(string.reverse("hello"), string.reverse(""), string.reverse("a"))  -- expect: olleh		a
print(string.reverse("a\0b"):byte(1, -1))  -- expect: 98	0	97
print(string.reverse(123), ("stressed"):reverse())  -- expect: 321	desserts
print(#string.reverse(string.rep("ab", 10000)))  -- expect: 20000
print(pcall(string.reverse))  -- expect: false	bad argument #1 to 'string.reverse' (string expected, got no value)
