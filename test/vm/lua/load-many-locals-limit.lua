-- More than 200 locals in a function is a syntax error.
local parts = {}
for i = 1, 201 do parts[i] = "local v" .. i .. " = " .. i end
print(load(table.concat(parts, "\n"), "=locals"))  -- expect: nil	locals:201: too many local variables (limit is 200) in main function near '='
parts[201] = nil
print(load(table.concat(parts, "\n"), "=locals") ~= nil)  -- expect: true
