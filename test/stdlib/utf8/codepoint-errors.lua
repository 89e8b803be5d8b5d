-- utf8.codepoint: bounds and invalid sequences
print(pcall(utf8.codepoint, "abc", 0))  -- expect: false	bad argument #2 to 'utf8.codepoint' (out of bounds)
print(pcall(utf8.codepoint, "abc", 4))  -- expect: false	bad argument #3 to 'utf8.codepoint' (out of bounds)
print(pcall(utf8.codepoint, "abc", 1, 4))  -- expect: false	bad argument #3 to 'utf8.codepoint' (out of bounds)
print(pcall(utf8.codepoint, "abc", -5))  -- expect: false	bad argument #2 to 'utf8.codepoint' (out of bounds)
print(pcall(utf8.codepoint, "\xff"))  -- expect: false	invalid UTF-8 code
print(pcall(utf8.codepoint, "a\x80", 1, -1))  -- expect: false	invalid UTF-8 code
print(pcall(utf8.codepoint, utf8.char(0xd800)))  -- expect: false	invalid UTF-8 code
print(pcall(utf8.codepoint, utf8.char(0x110000)))  -- expect: false	invalid UTF-8 code
print(pcall(utf8.codepoint, "\xc0\x80"))  -- expect: false	invalid UTF-8 code
print(pcall(utf8.codepoint))  -- expect: false	bad argument #1 to 'utf8.codepoint' (string expected, got no value)
utf8.codepoint("\x80")
-- expect error: codepoint-errors.lua:12: invalid UTF-8 code
