-- warn is off by default; "@on" turns it on (messages go to stderr).
warn("not shown")
warn("@on")
print("warnings on")  -- expect: warnings on
warn("@off")
warn("also not shown")
print(pcall(warn))  -- expect: false	bad argument #1 to 'warn' (string expected, got no value)
print(pcall(warn, 1))  -- expect: true
print(pcall(warn, "a", {}))  -- expect: false	bad argument #2 to 'warn' (string expected, got table)
