-- The arg table holds the script name at index 0.
print(arg[0], #arg, arg[1])

-- expect: arg-table.lua	0	nil
