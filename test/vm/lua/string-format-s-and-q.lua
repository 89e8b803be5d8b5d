-- string.format %s and %q.
print(string.format("[%s] [%5s] [%-5s] [%.2s]", "abc", "ab", "ab", "abcdef"))  -- expect: [abc] [   ab] [ab   ] [ab]
print(string.format("%s %s %s", nil, true, 12))  -- expect: nil true 12
print(string.format("%q", "line1\nline2\t\0end\r"))  -- expect: "line1\ -- expect: line2\9\0end\13"
print(string.format("%q", "\200\27"))  -- expect: "È\27"
print(pcall(string.format, "%q", {}))  -- expect: false	bad argument #2 to 'string.format' (value has no literal form)
print(pcall(string.format, "%d"))  -- expect: false	bad argument #2 to 'string.format' (no value)
print(string.format("%%"), pcall(string.format, "%y", 1))  -- expect: %	false	invalid conversion '%y' to 'format'
