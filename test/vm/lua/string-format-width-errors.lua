-- string.format rejects over-long formats.
print(pcall(string.format, "%100d", 1))  -- expect: false	invalid conversion specification: '%100d'
print(string.format("%99d", 1):len())  -- expect: 99
print(pcall(string.format, "%.100f", 1))  -- expect: false	invalid conversion specification: '%.100f'
