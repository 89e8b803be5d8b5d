-- "n" reads the longest numeral prefix: signs, hex, exponents; fails without consuming what follows
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("  12  -3.5e2 0x1F +0x.8p1 1e 5. .5 0xg -x 9223372036854775807 9223372036854775808 0x7fffffffffffffffff\n")
f:write("3,4 inf nan 12abc")
f:close()
f = assert(io.open(name))
for i = 1, 14 do
  local v = f:read("n")
  print(i, v, math.type(v))
  if not v then print("", f:read(1)) end
end  -- expect: 1	12	integer -- expect: 2	-350.0	float -- expect: 3	31	integer -- expect: 4	1.0	float -- expect: 5	nil	nil -- expect: 	  -- expect: 6	5.0	float -- expect: 7	0.5	float -- expect: 8	nil	nil -- expect: 	g -- expect: 9	nil	nil -- expect: 	x -- expect: 10	9223372036854775807	integer -- expect: 11	9.2233720368548e+18	float -- expect: 12	-1	integer -- expect: 13	3	integer -- expect: 14	nil	nil -- expect: 	,
print(f:read("a"))  -- expect: 4 inf nan 12abc
f:close()
os.remove(name)
