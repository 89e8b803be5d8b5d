-- Invalid escapes are syntax errors.
print(load([[return "\q"]]))  -- expect: nil	[string "return "\q""]:1: invalid escape sequence near '"\q'
print(load([[return "\x4"]]))  -- expect: nil	[string "return "\x4""]:1: hexadecimal digit expected near '"\x4"'
print(load([[return "\256"]]))  -- expect: nil	[string "return "\256""]:1: decimal escape too large near '"\256"'
print(load([[return "\u{}"]]))  -- expect: nil	[string "return "\u{}""]:1: hexadecimal digit expected near '"\u{}'
print(load([[return "abc]]))  -- expect: nil	[string "return "abc"]:1: unfinished string near <eof>
print(load("return 'a\nb'"))  -- expect: nil	[string "return 'a..."]:1: unfinished string near ''a'
