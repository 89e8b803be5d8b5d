-- Library functions report bad arguments with their names.
print(pcall(ipairs))  -- expect: false	bad argument #1 to 'ipairs' (value expected)
print(pcall(setmetatable, 1))  -- expect: false	bad argument #1 to 'setmetatable' (table expected, got number)
print(pcall(string.rep))  -- expect: false	bad argument #1 to 'string.rep' (string expected, got no value)
print(pcall(string.sub, "x", "y"))  -- expect: false	bad argument #2 to 'string.sub' (number expected, got string)
print(pcall(math.floor, "a"))  -- expect: false	bad argument #1 to 'math.floor' (number expected, got string)
print(pcall(table.insert, 1, 2))  -- expect: false	bad argument #1 to 'table.insert' (table expected, got number)
print(pcall(tostring))  -- expect: false	bad argument #1 to 'tostring' (value expected)
print(pcall(("x").rep, "x", {}))  -- expect: false	bad argument #2 to 'string.rep' (number expected, got table)
