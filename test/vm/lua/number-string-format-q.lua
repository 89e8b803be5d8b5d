-- string.format("%q") writes numbers so that they read back exactly.
print(string.format("%q", 1), string.format("%q", 1.5), string.format("%q", math.mininteger))  -- expect: 1	0x1.8p+0	0x8000000000000000
print(string.format("%q", 1/0), string.format("%q", -1/0), string.format("%q", 0/0))  -- expect: 1e9999	-1e9999	(0/0)
print(string.format("%q", 2^63), string.format("%q", 0.1))  -- expect: 0x1p+63	0x1.999999999999ap-4
print(string.format("%q", "a\nb\0c\"d\\"))  -- expect: "a\ -- expect: b\0c\"d\\"
