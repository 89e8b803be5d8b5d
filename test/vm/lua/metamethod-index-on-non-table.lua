-- Indexing non-tables without __index names the value.
print(pcall(function() local n = 5 return n.x end))  -- expect: false	metamethod-index-on-non-table.lua:2: attempt to index a number value (local 'n')
print(pcall(function() local b = true return b[1] end))  -- expect: false	metamethod-index-on-non-table.lua:3: attempt to index a boolean value (local 'b')
print(pcall(function() return (nil).x end))  -- expect: false	metamethod-index-on-non-table.lua:4: attempt to index a nil value
print(pcall(function() local f = print return f.x end))  -- expect: false	metamethod-index-on-non-table.lua:5: attempt to index a function value (local 'f')
print(pcall(function() local n = 5 n.x = 1 end))  -- expect: false	metamethod-index-on-non-table.lua:6: attempt to index a number value (local 'n')
