-- string.gsub: errors about the replacement
print(pcall(string.gsub, "x", "x", true))  -- expect: false	bad argument #3 to 'string.gsub' (string/function/table expected, got boolean)
print(pcall(string.gsub, "x", "x"))  -- expect: false	bad argument #3 to 'string.gsub' (string/function/table expected, got no value)
print(pcall(string.gsub, "x", "x", {x = {}}))  -- expect: false	invalid replacement value (a table)
print(pcall(string.gsub, "x", "x", function() return {} end))  -- expect: false	invalid replacement value (a table)
print(pcall(string.gsub, "x", "x", function() return true end))  -- expect: false	invalid replacement value (a boolean)
print(pcall(string.gsub, "x", "x", "%2"))  -- expect: false	invalid capture index %2
print(pcall(string.gsub, "x", "(x)", "%2"))  -- expect: false	invalid capture index %2
print(pcall(string.gsub, "x", "x", "%a"))  -- expect: false	invalid use of '%' in replacement string
print(pcall(string.gsub, "x", "x", "%"))  -- expect: false	invalid use of '%' in replacement string
print(pcall(string.gsub, "x", "y", "%"))  -- expect: true	x	0
print(pcall(string.gsub, "x", "x", nil, "a"))  -- expect: false	bad argument #4 to 'string.gsub' (number expected, got string)
print(pcall(string.gsub, "x", "(", "y"))  -- expect: true	yxy	2
string.gsub("abc", "b", {b = print})
-- expect error: gsub-errors.lua:14: invalid replacement value (a function)
