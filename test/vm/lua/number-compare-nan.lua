-- NaN is not equal, less or greater than anything, itself included.
local nan = 0/0
print(nan == nan, nan ~= nan, nan < nan, nan <= nan, nan > nan, nan >= nan)  -- expect: false	true	false	false	false	false
print(nan < 1, nan > 1, 1 < nan, 1 >= nan)  -- expect: false	false	false	false
print(nan < math.maxinteger, math.mininteger < nan)  -- expect: false	false
local t = {nan}
print(t[1] == t[1], rawequal(nan, nan))  -- expect: false	false
print(math.max(nan, 1) ~= math.max(nan, 1))  -- expect: true
