-- Sorting numbers: integers and floats compare by value.
local t = {5, 2.5, -1, 3, 2, -0.5, 100, 1e10, -math.huge, math.huge, 0}
table.sort(t)
print(table.concat(t, " "))  -- expect: -inf -1 -0.5 0 2 2.5 3 5 100 10000000000.0 inf
local big = {math.maxinteger, math.mininteger, 2^63, -2^63, 0, 2^53, 2^53 + 1}
table.sort(big)
for i = 1, #big do print(math.type(big[i]), big[i]) end  -- expect: float	-9.2233720368548e+18 -- expect: integer	-9223372036854775808 -- expect: integer	0 -- expect: float	9.007199254741e+15 -- expect: float	9.007199254741e+15 -- expect: integer	9223372036854775807 -- expect: float	9.2233720368548e+18
