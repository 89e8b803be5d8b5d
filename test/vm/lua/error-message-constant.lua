-- Runtime errors name constants.
print(pcall(function() return ("abc").x.y end))  -- expect: false	error-message-constant.lua:2: attempt to index a nil value (field 'x')
print(pcall(function() return 1 + "x" end))  -- expect: false	error-message-constant.lua:3: attempt to add a 'number' with a 'string'
print(pcall(function() local s <const> = "k" return s.z.w end))  -- expect: false	error-message-constant.lua:4: attempt to index a nil value (field 'z')
print(pcall(function() return #5 end))  -- expect: false	error-message-constant.lua:5: attempt to get length of a number value
