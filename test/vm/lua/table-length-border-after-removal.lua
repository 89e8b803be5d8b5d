-- Removing the last elements moves the border back.
local t = {1, 2, 3, 4, 5}
t[5] = nil
print(#t)  -- expect: 4
t[4] = nil
t[3] = nil
print(#t)  -- expect: 2
t[1] = nil
t[2] = nil
print(#t)  -- expect: 0
