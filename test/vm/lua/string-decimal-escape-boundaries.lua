-- Decimal escapes take at most three digits.
print(string.byte("\0009"), #"\0009", string.byte("\1234", 1, -1))  -- expect: 0	2	123	52
print("\255" == "\xff", "\0" < "\1")  -- expect: true	true
