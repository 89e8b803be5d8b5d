-- Comparing incompatible values names both types.
print(pcall(function() return {} < {} end))  -- expect: false	metamethod-compare-error-messages.lua:2: attempt to compare two table values
print(pcall(function() return 1 < "x" end))  -- expect: false	metamethod-compare-error-messages.lua:3: attempt to compare number with string
print(pcall(function() return "x" <= 1 end))  -- expect: false	metamethod-compare-error-messages.lua:4: attempt to compare string with number
print(pcall(function() return nil < 1 end))  -- expect: false	metamethod-compare-error-messages.lua:5: attempt to compare nil with number
print(pcall(function() return {} >= 1 end))  -- expect: false	metamethod-compare-error-messages.lua:6: attempt to compare number with table
print(pcall(function() return print < print end))  -- expect: false	metamethod-compare-error-messages.lua:7: attempt to compare two function values
