-- min and max need a value, and comparable values.
print(pcall(math.max))  -- expect: false	bad argument #1 to 'math.max' (value expected)
print(pcall(math.min))  -- expect: false	bad argument #1 to 'math.min' (value expected)
print(pcall(math.max, 1, "x"))  -- expect: false	attempt to compare number with string
print(pcall(math.min, 1, {}))  -- expect: false	attempt to compare table with number
print(pcall(math.min, "10", 9))  -- expect: false	attempt to compare number with string
math.max(nil, 1)
-- expect error: attempt to compare nil with number
