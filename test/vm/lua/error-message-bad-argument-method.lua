-- A method call counts self differently in messages.
local s = "abc"
print(pcall(function() return s:rep({}) end))  -- expect: false	error-message-bad-argument-method.lua:3: bad argument #1 to 'rep' (number expected, got table)
print(pcall(function() return s:sub("a") end))  -- expect: false	error-message-bad-argument-method.lua:4: bad argument #1 to 'sub' (number expected, got string)
print(pcall(function() return s.rep(s, {}) end))  -- expect: false	error-message-bad-argument-method.lua:5: bad argument #2 to 'rep' (number expected, got table)
print(pcall(function() return string.rep(s, {}) end))  -- expect: false	error-message-bad-argument-method.lua:6: bad argument #2 to 'rep' (number expected, got table)
