-- %d needs an integer representation; %x of negatives is two's complement.
print(string.format("%d", 2^31), string.format("%d", -0.0))  -- expect: 2147483648	0
print(pcall(string.format, "%d", 2^63))  -- expect: false	bad argument #2 to 'string.format' (number has no integer representation)
print(string.format("%x %X", -1, math.mininteger))  -- expect: ffffffffffffffff 8000000000000000
print(string.format("%5.1f|%-7.3f|%+.2e", 1/3, -2/3, 12345))  -- expect:   0.3|-0.667 |+1.23e+04
