-- Argument errors name the function and argument.
print(pcall(math.sqrt, "x"))  -- expect: false	bad argument #1 to 'math.sqrt' (number expected, got string)
print(pcall(math.abs))  -- expect: false	bad argument #1 to 'math.abs' (number expected, got no value)
print(pcall(math.exp, nil))  -- expect: false	bad argument #1 to 'math.exp' (number expected, got nil)
print(pcall(math.log, 1, {}))  -- expect: false	bad argument #2 to 'math.log' (number expected, got table)
print(pcall(math.fmod, 1, "z"))  -- expect: false	bad argument #2 to 'math.fmod' (number expected, got string)
print(pcall(math.sin, true))  -- expect: false	bad argument #1 to 'math.sin' (number expected, got boolean)
print(pcall(math.ult, 1))  -- expect: false	bad argument #2 to 'math.ult' (number expected, got no value)
print(math.sqrt("16"), math.sin("0"))  -- expect: 4.0	0.0
math.sqrt({})
-- expect error: arg-errors.lua:10: bad argument #1 to 'sqrt' (number expected, got table)
