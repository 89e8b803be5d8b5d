-- A value that is neither a string nor a number is an error naming its type and index.
print(pcall(table.concat, {1, {}, 3}))  -- expect: false	invalid value (table) at index 2 in table for 'concat'
print(pcall(table.concat, {1, 2, 3}, ", ", 1, 5))  -- expect: false	invalid value (nil) at index 4 in table for 'concat'
print(pcall(table.concat, {true}))  -- expect: false	invalid value (boolean) at index 1 in table for 'concat'
print(pcall(table.concat, {"a", "b", print}, ""))  -- expect: false	invalid value (function) at index 3 in table for 'concat'
table.concat({"x", "y", false})
-- expect error: concat-invalid-value.lua:6: invalid value (boolean) at index 3 in table for 'concat'
