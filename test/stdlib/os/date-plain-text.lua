-- text without conversions is copied, NULs and long strings included; "%%" is one '%'
print(os.date("!", 0) == "")  -- expect: true
print(os.date("", 0) == "")  -- expect: true
print(os.date("!\0\0", 0) == "\0\0")  -- expect: true
local long = string.rep("a", 10000)
print(os.date("!" .. long, 0) == long)  -- expect: true
print(os.date("!" .. string.rep("%", 200), 0) == string.rep("%", 100))  -- expect: true
print(os.date("!%d%%%m", 86400 * 40))  -- expect: 10%02
print(os.date("!year %Y, day %j", 1e9))  -- expect: year 2001, day 252
