-- Non-numbers are rejected with Lua's messages.
print(pcall(math.floor, {}))  -- expect: false	bad argument #1 to 'math.floor' (number expected, got table)
print(pcall(math.ceil, print))  -- expect: false	bad argument #1 to 'math.ceil' (number expected, got function)
print(pcall(math.floor, "x"))  -- expect: false	bad argument #1 to 'math.floor' (number expected, got string)
print(pcall(math.floor))  -- expect: false	bad argument #1 to 'math.floor' (number expected, got no value)
math.ceil(nil)
-- expect error: floor-errors.lua:6: bad argument #1 to 'ceil' (number expected, got nil)
