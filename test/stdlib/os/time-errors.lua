-- date-table errors: missing fields, non-integers, fields beyond a C int
print(pcall(os.time, {}))  -- expect: false	field 'year' missing in date table
print(pcall(os.time, {year = 2000}))  -- expect: false	field 'month' missing in date table
print(pcall(os.time, {year = 2000, month = 1}))  -- expect: false	field 'day' missing in date table
print(pcall(os.time, {year = 2000, month = 1, day = 1, hour = "x"}))  -- expect: false	field 'hour' is not an integer
print(pcall(os.time, {year = 2000, month = 1, day = 1, min = 1.5}))  -- expect: false	field 'min' is not an integer
print(pcall(os.time, {year = 2000, month = {}, day = 1}))  -- expect: false	field 'month' is not an integer
print(pcall(os.time, {year = -(1 << 31) + 1899, month = 1, day = 1}))  -- expect: false	field 'year' is out-of-bound
print(pcall(os.time, {year = (1 << 31) + 1900, month = 1, day = 1}))  -- expect: false	field 'year' is out-of-bound
print(pcall(os.time, {year = 2000, month = 1, day = 2^32}))  -- expect: false	field 'day' is out-of-bound
print(pcall(os.time, {year = 2000, month = -((1 << 31) + 1), day = 1}))  -- expect: false	field 'month' is out-of-bound
print(pcall(os.time, {year = 2^60, month = 1, day = 1}))  -- expect: false	field 'year' is out-of-bound
print(pcall(os.time, 42))  -- expect: false	bad argument #1 to 'os.time' (table expected, got number)
print(pcall(os.time, "x"))  -- expect: false	bad argument #1 to 'os.time' (table expected, got string)
