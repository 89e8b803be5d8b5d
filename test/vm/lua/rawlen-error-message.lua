-- rawlen's argument error says what it got (luaL_argexpected).
print(pcall(rawlen, 5))  -- expect: false	bad argument #1 to 'rawlen' (table or string expected, got number)
print(pcall(rawlen))  -- expect: false	bad argument #1 to 'rawlen' (table or string expected, got no value)
print(pcall(rawlen, nil))  -- expect: false	bad argument #1 to 'rawlen' (table or string expected, got nil)
