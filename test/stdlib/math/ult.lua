-- ult compares integers as unsigned.
print(math.ult(3, 4), math.ult(4, 4), math.ult(-2, -1), math.ult(2, -1), math.ult(-2, -2))  -- expect: true	false	true	true	false
print(math.ult(math.maxinteger, math.mininteger), math.ult(math.mininteger, math.maxinteger))  -- expect: true	false
print(math.ult(0, -1), math.ult(-1, 0), math.ult(3.0, "4"))  -- expect: true	false	true
print(pcall(math.ult, 1.5, 2))  -- expect: false	bad argument #1 to 'math.ult' (number has no integer representation)
print(pcall(math.ult, 1, {}))  -- expect: false	bad argument #2 to 'math.ult' (number expected, got table)
