-- math.random's argument checks.
print(pcall(math.random, 2, 1))  -- expect: false	bad argument #1 to 'math.random' (interval is empty)
print(pcall(math.random, -5))  -- expect: false	bad argument #1 to 'math.random' (interval is empty)
print(pcall(math.random, 1, 2, 3))  -- expect: false	wrong number of arguments
print(pcall(math.random, 0.5))  -- expect: false	bad argument #1 to 'math.random' (number has no integer representation)
print(pcall(math.random, "x"))  -- expect: false	bad argument #1 to 'math.random' (number expected, got string)
print(pcall(math.random, math.maxinteger, math.mininteger))  -- expect: false	bad argument #1 to 'math.random' (interval is empty)
print(math.random(3.0, "3"))  -- expect: 3
math.random(1, 2, 3)
-- expect error: random-errors.lua:9: wrong number of arguments
