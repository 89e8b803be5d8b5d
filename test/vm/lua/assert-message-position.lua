-- assert raises its message as `error` would at level 1: a string message (the default one
-- too) gets the position of the Lua function that called assert; other values are left as
-- they are, and a message from assert called by a native (pcall) gets no position.
print(pcall(function() assert(false, "boom") end))  -- expect: false	assert-message-position.lua:4: boom
print(pcall(function() assert(nil) end))  -- expect: false	assert-message-position.lua:5: assertion failed!
print(pcall(function() assert(1 == 2, "values differ") end))  -- expect: false	assert-message-position.lua:6: values differ
print(pcall(function() assert(false, 42) end))  -- expect: false	42
local t = {}
local ok, e = pcall(function() assert(false, t) end)
print(ok, e == t)  -- expect: false	true
print(pcall(assert, false, "from pcall"))  -- expect: false	from pcall
print(pcall(assert, nil))  -- expect: false	assertion failed!
print(select("#", assert(1, 2, 3)), assert("v", "unused"))  -- expect: 3	v	unused
print(pcall(function() assert() end))  -- expect: false	assert-message-position.lua:14: bad argument #1 to 'assert' (value expected)

-- Through a chain of functions, the position is assert's caller.
local function check(v) assert(v, "check failed") end
local function outer() check(false) end
print(pcall(outer))  -- expect: false	assert-message-position.lua:17: check failed
-- A message caught from elsewhere gets the position of the assert that raises it again.
print(pcall(function()
  local ok2, msg = pcall(error, "inner")
  assert(ok2, msg)
end))  -- expect: false	assert-message-position.lua:23: inner
