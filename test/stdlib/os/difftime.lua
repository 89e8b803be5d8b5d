-- difftime returns a float difference; both arguments are required integers
print(os.difftime(10, 3), math.type(os.difftime(10, 3)))  -- expect: 7.0	float
print(os.difftime(0, 2^40))  -- expect: -1099511627776.0
local t1 = os.time{year = 2000, month = 10, day = 1, hour = 23, min = 12}
local t2 = os.time{year = 2000, month = 10, day = 1, hour = 23, min = 10, sec = 19}
print(os.difftime(t1, t2))  -- expect: 101.0
print(pcall(os.difftime, 1))  -- expect: false	bad argument #2 to 'os.difftime' (number expected, got no value)
print(pcall(os.difftime, 1, 1.5))  -- expect: false	bad argument #2 to 'os.difftime' (number has no integer representation)
print(pcall(os.difftime))  -- expect: false	bad argument #1 to 'os.difftime' (number expected, got no value)
