-- Hex escapes in both cases and \u{0}.
print("\xAF" == "\xaf", #"\u{0}", "\u{0}" == "\0", "\x41\u{41}\65")  -- expect: true	1	true	AAA
