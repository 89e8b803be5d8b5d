-- tonumber on strings.
print(tonumber("10"), tonumber("10.0"), tonumber("  0x1F  "), tonumber("1e2"))  -- expect: 10	10.0	31	100.0
print(tonumber("-0x10"), tonumber("- 1"), tonumber(""), tonumber(" "), tonumber("1 2"))  -- expect: -16	nil	nil	nil	nil
print(tonumber("0x"), tonumber("1e"), tonumber(".5"), tonumber("5."), tonumber("inf"), tonumber("nan"))  -- expect: nil	nil	0.5	5.0	nil	nil
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"))  -- expect: 9223372036854775807	9.2233720368548e+18
print(tonumber("0x7fffffffffffffff"), tonumber("0xffffffffffffffffff"))  -- expect: 9223372036854775807	-1
print(tonumber("1\0"), tonumber("\t\n12\v\f\r"))  -- expect: nil	12
print(tonumber(nil), tonumber(true), tonumber({}))  -- expect: nil	nil	nil
