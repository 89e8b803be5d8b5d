-- os.time normalises the table it is given, as mktime does
local function norm(t)
  os.time(t)
  print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday)
end
norm{year = 2005, month = 1, day = 1, hour = 1, min = 0, sec = -3602}  -- expect: 2004	12	31	23	59	58	366	6
norm{year = 2000, month = 13, day = 1, hour = 12}  -- expect: 2001	1	1	12	0	0	1	2
norm{year = 2000, month = 0, day = 0, hour = 12}  -- expect: 1999	11	30	12	0	0	334	3
norm{year = 2000, month = 2, day = 30, hour = 12}  -- expect: 2000	3	1	12	0	0	61	4
norm{year = 2001, month = 2, day = 29, hour = 12}  -- expect: 2001	3	1	12	0	0	60	5
norm{year = 2000, month = -25, day = 100, hour = 12}  -- expect: 1998	2	8	12	0	0	39	1
norm{year = 2000, month = 6, day = 15, hour = 12, min = 60 * 24 * 365}  -- expect: 2001	6	15	12	0	0	166	6
norm{year = 1999, month = 12, day = 31, hour = 12, sec = 86400 * 3}  -- expect: 2000	1	3	12	0	0	3	2
