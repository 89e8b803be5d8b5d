-- "!*t" gives the broken-down UTC time as a table
local function show(t)
  local d = os.date("!*t", t)
  print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
end
show(0)  -- expect: 1970	1	1	0	0	0	5	1	false
show(951782400)  -- expect: 2000	2	29	0	0	0	3	60	false
show(1700000000)  -- expect: 2023	11	14	22	13	20	3	318	false
show(-1)  -- expect: 1969	12	31	23	59	59	4	365	false
show(2^31)  -- expect: 2038	1	19	3	14	8	3	19	false
show(-62135596800)  -- expect: 1	1	1	0	0	0	2	1	false
print(os.date("!*t\0ignored", 0).year)  -- expect: 1970
