-- os.time reads year, month, day (required) and hour (12), min, sec (0) as local time
local t0 = os.time{year = 2000, month = 1, day = 1, hour = 0}
print(os.time{year = 2000, month = 1, day = 1} - t0)  -- expect: 43200
print(os.time{year = 2000, month = 1, day = 1, hour = 0, min = 1, sec = 1} - t0)  -- expect: 61
print(os.time{year = 2000, month = 1, day = 2, hour = 0} - t0)  -- expect: 86400
print(os.time{year = "2000", month = "1", day = 2.0, hour = 0} - t0)  -- expect: 86400
print(math.type(t0))  -- expect: integer
local d = os.date("*t", t0)
print(d.year, d.month, d.day, d.hour, d.min, d.sec)  -- expect: 2000	1	1	0	0	0
print(os.time(d) == t0)  -- expect: true
