-- string.format converts numeric strings for numeric conversions.
print(string.format("%d", "10"), string.format("%.2f", "3.14159"), string.format("%x", "255"))  -- expect: 10	3.14	ff
print(pcall(string.format, "%d", "1.5"))  -- expect: false	bad argument #2 to 'string.format' (number has no integer representation)
print(pcall(string.format, "%d", "x"))  -- expect: false	bad argument #2 to 'string.format' (number expected, got string)
print(string.format("%s", 1.0), string.format("%5.1f", 2))  -- expect: 1.0	  2.0
