-- Ranges at the ends of the integer range do not overflow.
local maxI, minI = math.maxinteger, math.mininteger
local maxi = (1 << 31) - 1
print(table.unpack({}, maxi, 0))  -- expect: 
print(table.unpack({}, maxI, minI))  -- expect: 
print(table.unpack({[maxi] = 20}, maxi, maxi))  -- expect: 20
print(table.unpack({[maxi] = 20}, maxi - 1, maxi))  -- expect: nil	20
local t = {[maxI - 1] = 12, [maxI] = 23}
print(table.unpack(t, maxI - 1, maxI))  -- expect: 12	23
print(table.unpack(t, maxI, maxI))  -- expect: 23
t = {[minI] = 12.3, [minI + 1] = 23.5}
print(table.unpack(t, minI, minI + 1))  -- expect: 12.3	23.5
