-- Comparing two tables without metamethods.
print(pcall(function() return {} < {} end))  -- expect: false	error-message-compare-same-types.lua:2: attempt to compare two table values
print(pcall(function() return {} <= {} end))  -- expect: false	error-message-compare-same-types.lua:3: attempt to compare two table values
print(pcall(function() return print < print end))  -- expect: false	error-message-compare-same-types.lua:4: attempt to compare two function values
print(pcall(function() return true < false end))  -- expect: false	error-message-compare-same-types.lua:5: attempt to compare two boolean values
print(pcall(function() return coroutine.create(print) < coroutine.create(print) end))  -- expect: false	error-message-compare-same-types.lua:6: attempt to compare two thread values
