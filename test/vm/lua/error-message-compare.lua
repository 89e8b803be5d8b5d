-- Comparison errors name both types.
print(pcall(function() return 1 < {} end))  -- expect: false	error-message-compare.lua:2: attempt to compare number with table
print(pcall(function() return {} < {} end))  -- expect: false	error-message-compare.lua:3: attempt to compare two table values
print(pcall(function() return "a" < 1 end))  -- expect: false	error-message-compare.lua:4: attempt to compare string with number
print(pcall(function() return nil >= nil end))  -- expect: false	error-message-compare.lua:5: attempt to compare two nil values
print(pcall(function() local t = {} return t.x < 1 end))  -- expect: false	error-message-compare.lua:6: attempt to compare nil with number
