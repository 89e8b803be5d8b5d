-- \u{XXX} escapes write UTF-8.
print("\u{48}\u{49}", #"\u{7FF}", #"\u{FFFF}", #"\u{10FFFF}", #"\u{7FFFFFFF}")  -- expect: HI	2	3	4	6
print(string.byte("\u{E9}", 1, -1))  -- expect: 195	169
print(string.byte("\u{7FFFFFFF}", 1, -1))  -- expect: 253	191	191	191	191	191
print(load([[return "\u{80000000}"]]))  -- expect: nil	[string "return "\u{80000000}""]:1: UTF-8 value too large near '"\u{80000000'
