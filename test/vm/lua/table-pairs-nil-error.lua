-- pairs and ipairs accept any value; the traversal fails.
print(select("#", pcall(pairs, nil)), select(3, pcall(pairs, nil)))  -- expect: 4	nil	nil
print(pcall(function() for k in pairs(nil) do end end))  -- expect: false	table-pairs-nil-error.lua:3: bad argument #1 to 'for iterator' (table expected, got nil)
print(pcall(function() for k in pairs(5) do end end))  -- expect: false	table-pairs-nil-error.lua:4: bad argument #1 to 'for iterator' (table expected, got number)
print(pcall(function() for k in ipairs(nil) do end end))  -- expect: false	attempt to index a nil value
print(pcall(pairs))  -- expect: false	bad argument #1 to 'pairs' (value expected)
for i, v in ipairs("abc") do print(i, v) end
print("no iterations over a string")  -- expect: no iterations over a string
