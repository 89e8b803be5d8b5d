-- assert returns its arguments or raises its message.
print(assert(1, 2, 3))  -- expect: 1	2	3
print(pcall(assert, false))  -- expect: false	assertion failed!
print(pcall(assert, nil, "custom"))  -- expect: false	custom
print(pcall(assert, false, {1}) == false)  -- expect: true
print(pcall(assert))  -- expect: false	bad argument #1 to 'assert' (value expected)
print(pcall(assert, false, 42))  -- expect: false	42
