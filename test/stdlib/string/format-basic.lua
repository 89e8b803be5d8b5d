-- string.format: the common conversions
print(string.format("%d %5d %-5d| %05d %+d", 42, 42, 42, 42, 42))  -- expect: 42    42 42   | 00042 +42
print(string.format("%x %X %#x %o", 255, 255, 255, 8))  -- expect: ff FF 0xff 10
print(string.format("%.3f %10.2f %-10.1f| %e %g %g", math.pi, 2.5, 2.25, 12345.678, 0.0001, 1e20))  -- expect: 3.142       2.50 2.2       | 1.234568e+04 0.0001 1e+20
print(string.format("%s %s %s %s", "str", 12, 1.5, true))  -- expect: str 12 1.5 true
print(string.format("%10s|%-10s|%.2s", "right", "left", "truncate"))  -- expect:      right|left      |tr
print(string.format("%c%c%c", 76, 117, 97))  -- expect: Lua
print(string.format("%%"))  -- expect: %
print(string.format("%a", 1.0))  -- expect: 0x1p+0
print(string.format("%d", "10"), string.format("%d", 3.0))  -- expect: 10	3
print(string.format("%.14g", 0.1), string.format("%5.1s|", "abc"))  -- expect: 0.1	    a|
print(string.format("%i", -7))  -- expect: -7
print(string.format("no conversions"))  -- expect: no conversions
print(string.format("%u", 3))  -- expect: 3
