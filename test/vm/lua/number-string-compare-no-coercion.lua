-- Comparison does not convert strings to numbers.
print(pcall(function() return 1 < "2" end))  -- expect: false	number-string-compare-no-coercion.lua:2: attempt to compare number with string
print(pcall(function() return "10" <= 2 end))  -- expect: false	number-string-compare-no-coercion.lua:3: attempt to compare string with number
print(1 == "1", "1" == 1, "10" < "9", "a" < "b")  -- expect: false	false	true	true
print(pcall(function() return {} < {} end))  -- expect: false	number-string-compare-no-coercion.lua:5: attempt to compare two table values
print(pcall(function() return nil > 1 end))  -- expect: false	number-string-compare-no-coercion.lua:6: attempt to compare number with nil
print(pcall(function() return true >= false end))  -- expect: false	number-string-compare-no-coercion.lua:7: attempt to compare two boolean values
