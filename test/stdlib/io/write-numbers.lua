-- numbers are written as "%d" (integers) and "%.14g" (floats), so 1.0 is written "1"
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write(1, " ", 1.0, " ", -0.0, " ", 0.1, " ", 1/3, " ", 1e100, " ", 2^63, " ", math.maxinteger, " ", math.mininteger, " ", 1/0, " ", -1/0, " ", 123456789012345.0)
f:close()
f = assert(io.open(name))
print(f:read("a"))  -- expect: 1 1 -0 0.1 0.33333333333333 1e+100 9.2233720368548e+18 9223372036854775807 -9223372036854775808 inf -inf 1.2345678901234e+14
f:close()
os.remove(name)
