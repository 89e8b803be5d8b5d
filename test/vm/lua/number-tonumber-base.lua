-- tonumber with an explicit base.
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("777", 8), tonumber("z", 36))  -- expect: 255	255	511	35
print(tonumber("1010", 2), tonumber("  11  ", 3), tonumber("-ff", 16), tonumber("8", 8))  -- expect: 10	4	-255	nil
print(tonumber("1.5", 10), tonumber("", 10), tonumber("7fffffffffffffff", 16))  -- expect: nil	nil	9223372036854775807
print(tonumber("ffffffffffffffff", 16), tonumber("10000000000000000", 16))  -- expect: -1	0
print(pcall(tonumber, "10", 1))  -- expect: false	bad argument #2 to 'tonumber' (base out of range)
print(pcall(tonumber, "10", 37))  -- expect: false	bad argument #2 to 'tonumber' (base out of range)
print(pcall(tonumber, 10, 16))  -- expect: false	bad argument #1 to 'tonumber' (string expected, got number)
