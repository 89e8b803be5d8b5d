-- expect error: malformed-number.lua:2: malformed number near '3x'
local size = 3x
print(size)
