-- Strings compare byte by byte.
print("a" < "b", "a" < "aa", "" < "a", "Z" < "a", "abc" < "abd")  -- expect: true	true	true	true	true
print("a\0b" < "a\0c", "a\0" > "a", "\255" > "\1", "10" < "2")  -- expect: true	true	true	true
print("x" <= "x", "x" >= "y", "abc" == "abc")  -- expect: true	false	true
