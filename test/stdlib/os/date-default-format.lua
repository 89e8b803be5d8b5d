-- the default format is "%c"; the time defaults to now; times must be integers
print(os.date("!%c", 1e9) == os.date("!", 1e9) .. "Sun Sep  9 01:46:40 2001")  -- expect: true
print(type(os.date()), type(os.date("%c")))  -- expect: string	string
print(pcall(os.date, "%Y", 1.5))  -- expect: false	bad argument #2 to 'os.date' (number has no integer representation)
print(pcall(os.date, "%Y", "x"))  -- expect: false	bad argument #2 to 'os.date' (number expected, got string)
print(pcall(os.date, "%Y", "10"))  -- expect: true	1970
print(pcall(os.date, {}))  -- expect: false	bad argument #1 to 'os.date' (string expected, got table)
