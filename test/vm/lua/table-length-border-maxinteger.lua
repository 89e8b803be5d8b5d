-- Length of tables with large integer keys.
local t = {[math.maxinteger] = 1}
print(#t)  -- expect: 0
local u = {1, 2, 3, [math.maxinteger] = 4}
print(#u)  -- expect: 3
