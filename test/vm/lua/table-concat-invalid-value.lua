-- table.concat names the bad position.
print(pcall(table.concat, {1, 2, nil, 4}, ",", 1, 4))  -- expect: false	invalid value (nil) at index 3 in table for 'concat'
print(pcall(table.concat, {true}))  -- expect: false	invalid value (boolean) at index 1 in table for 'concat'

-- Ranges far beyond the table fail at their first missing element; an empty range is ''.
print(pcall(table.concat, {}, '', 1, 1e12))  -- expect: false	invalid value (nil) at index 1 in table for 'concat'
print(table.concat({1,2,3}, ', ', 3, 2), table.concat({1,2.5,'x'}, '-'))  -- expect: 	1-2.5-x
print(pcall(table.concat, {1,{},3}))  -- expect: false	invalid value (table) at index 2 in table for 'concat'
print(table.concat(setmetatable({}, {__index=function(_, i) return i end}), ',', 1, 5))  -- expect: 1,2,3,4,5
print(pcall(table.concat, {}, '', math.maxinteger - 1, math.maxinteger))  -- expect: false	invalid value (nil) at index 9223372036854775806 in table for 'concat'
