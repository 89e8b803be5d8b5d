-- math.fmod with two bad arguments names the second, as the reference lua5.4 does (its C
-- code checks both in one call's argument list, evaluated right to left); one bad argument
-- is named wherever it is.
print(pcall(math.fmod, nil, nil))
print(pcall(math.fmod, nil, 1))
print(pcall(math.fmod, 1, nil))
print(pcall(math.fmod, 'x', 2.5))
print(pcall(math.fmod, {}, 'y'))

-- expect: false	bad argument #2 to 'math.fmod' (number expected, got nil)
-- expect: false	bad argument #1 to 'math.fmod' (number expected, got nil)
-- expect: false	bad argument #2 to 'math.fmod' (number expected, got nil)
-- expect: false	bad argument #1 to 'math.fmod' (number expected, got string)
-- expect: false	bad argument #2 to 'math.fmod' (number expected, got string)
