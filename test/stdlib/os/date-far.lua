-- dates far from the epoch: negative years, year 10000 and beyond, the representable limit
for _, t in ipairs{-62167219200, -62167219201, 253402300799, 253402300800, 2^40, -2^40, 2^55} do
  print(t, os.date("!%Y-%m-%d %H:%M:%S %C %y %G %g %V %j %a", t))
end  -- expect: -62167219200	0-01-01 00:00:00 0 00 -1 99 52 001 Sat -- expect: -62167219201	-1-12-31 23:59:59 -1 99 -1 99 52 365 Fri -- expect: 253402300799	9999-12-31 23:59:59 99 99 9999 99 52 365 Fri -- expect: 253402300800	10000-01-01 00:00:00 100 00 9999 99 52 001 Sat -- expect: 1099511627776.0	36812-02-20 00:36:16 368 12 36812 12 08 051 Mon -- expect: -1099511627776.0	-32873-11-12 23:23:44 -329 27 -32873 27 45 316 Sat -- expect: 3.6028797018964e+16	1141709097-06-13 06:26:08 11417090 97 1141709097 97 23 164 Sun
print(pcall(os.date, "!%Y", 2^60))  -- expect: false	date result cannot be represented in this installation
print(pcall(os.date, "!%Y", math.mininteger))  -- expect: false	date result cannot be represented in this installation
