-- utf8.codepoint: code points in a byte range
local s = "añ€😀"
print(utf8.codepoint(s))  -- expect: 97
print(utf8.codepoint(s, 1, -1))  -- expect: 97	241	8364	128512
print(utf8.codepoint(s, 2))  -- expect: 241
print(utf8.codepoint(s, 4, 7))  -- expect: 8364	128512
print(utf8.codepoint(s, -4))  -- expect: 128512
print(select("#", utf8.codepoint(s, 3, 2)))  -- expect: 0
print(select("#", utf8.codepoint("", 1, 0)))  -- expect: 0
print(utf8.codepoint(utf8.char(0xd800), 1, 1, true))  -- expect: 55296
print(utf8.codepoint(utf8.char(0x7fffffff), 1, 1, true))  -- expect: 2147483647
print(utf8.codepoint("abc", 3, 3))  -- expect: 99
