-- table.concat names the bad position.
print(pcall(table.concat, {1, 2, nil, 4}, ",", 1, 4))  -- expect: false	invalid value (nil) at index 3 in table for 'concat'
print(pcall(table.concat, {true}))  -- expect: false	invalid value (boolean) at index 1 in table for 'concat'
