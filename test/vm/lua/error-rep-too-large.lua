-- string.rep refuses results that are too large.
print(pcall(string.rep, "x", math.maxinteger))  -- expect: false	resulting string too large
print(pcall(string.rep, "x", 1 << 40, ","))  -- expect: false	resulting string too large
