-- Integers beyond 2^53 and floats compare exactly (no rounding through doubles).
local t = {2^53, (1 << 53) + 1, (1 << 53) - 1, 2^53 + 2, math.maxinteger, 2^63, math.mininteger, -2^63}
table.sort(t)
for i = 1, #t do print(math.type(t[i]), t[i]) end  -- expect: float	-9.2233720368548e+18 -- expect: integer	-9223372036854775808 -- expect: integer	9007199254740991 -- expect: float	9.007199254741e+15 -- expect: integer	9007199254740993 -- expect: float	9.007199254741e+15 -- expect: integer	9223372036854775807 -- expect: float	9.2233720368548e+18
