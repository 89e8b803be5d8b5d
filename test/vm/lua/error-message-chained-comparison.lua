-- "1 < 2 < 3" compares a boolean with a number.
print(pcall(function() return 1 < 2 < 3 end))  -- expect: false	error-message-chained-comparison.lua:2: attempt to compare boolean with number
