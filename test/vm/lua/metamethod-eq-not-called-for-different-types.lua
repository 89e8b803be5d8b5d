-- __eq is not called when the types differ.
local called = false
local t = setmetatable({}, {__eq = function() called = true return true end})
print(t == 1, t == "t", t == true, called)  -- expect: false	false	false	false
