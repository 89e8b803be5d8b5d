-- xpcall needs a handler argument.
print(pcall(xpcall, print))  -- expect: false	bad argument #2 to 'xpcall' (function expected, got no value)
print(xpcall(error, 5))
-- expect error: error-xpcall-handler-not-function.lua:3: bad argument #2 to 'xpcall' (function expected, got number)
