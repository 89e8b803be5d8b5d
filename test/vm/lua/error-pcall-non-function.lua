-- pcall of a non-callable value returns the call error.
print(pcall(42))  -- expect: false	attempt to call a number value
print(pcall(nil))  -- expect: false	attempt to call a nil value
print(pcall({}))  -- expect: false	attempt to call a table value
print(pcall(setmetatable({}, {__call = function() return "ok" end})))  -- expect: true	ok
