-- Which argument a library function complains about first, as lua5.4 checks them.

-- load: a non-string chunk must be a function, checked after the chunk name.
print(pcall(load, {}))  -- expect: false	bad argument #1 to 'load' (function expected, got table)
print(pcall(load, true, 5))  -- expect: false	bad argument #1 to 'load' (function expected, got boolean)
print(pcall(load, nil, {}))  -- expect: false	bad argument #2 to 'load' (string expected, got table)

-- coroutine.isyieldable: nil is not "no argument".
print(pcall(coroutine.isyieldable, nil))  -- expect: false	bad argument #1 to 'coroutine.isyieldable' (thread expected, got nil)
print(coroutine.isyieldable())  -- expect: false

-- debug.getupvalue / setupvalue / upvalueid / upvaluejoin check the index before the function.
print(pcall(debug.getupvalue, "x", "y"))  -- expect: false	bad argument #2 to 'debug.getupvalue' (number expected, got string)
print(pcall(debug.getupvalue, {}))  -- expect: false	bad argument #2 to 'debug.getupvalue' (number expected, got no value)
print(pcall(debug.setupvalue, print, 1))  -- expect: false	bad argument #3 to 'debug.setupvalue' (value expected)
print(pcall(debug.setupvalue, "x", "y", 1))  -- expect: false	bad argument #2 to 'debug.setupvalue' (number expected, got string)
print(pcall(debug.upvalueid, 1, nil))  -- expect: false	bad argument #2 to 'debug.upvalueid' (number expected, got nil)
print(pcall(debug.upvalueid, print, 1.5))  -- expect: false	bad argument #2 to 'debug.upvalueid' (number has no integer representation)
local function f() return print end
print(pcall(debug.upvaluejoin, f, 1, print, 1))  -- expect: false	bad argument #4 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, f, 2, f, 1))  -- expect: false	bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)
print(pcall(debug.upvaluejoin, "x", 1, f, 1))  -- expect: false	bad argument #1 to 'debug.upvaluejoin' (function expected, got string)

-- debug.setmetatable: the metatable must be given, even as nil.
print(pcall(debug.setmetatable, 1))  -- expect: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got no value)
print(pcall(debug.setmetatable, {}, 1))  -- expect: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got number)
print(debug.setmetatable(10, nil))  -- expect: 10
