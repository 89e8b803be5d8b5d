-- Closures created in a loop left by break keep their values.
local fs = {}
local i = 1
while true do
  local v = i * i
  fs[i] = function() return v end
  if i == 4 then break end
  i = i + 1
end
print(fs[1](), fs[2](), fs[3](), fs[4]())  -- expect: 1	4	9	16
