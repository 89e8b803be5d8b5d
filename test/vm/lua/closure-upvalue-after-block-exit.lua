-- A captured local survives its block.
local f
do
  local secret = "kept"
  f = function() return secret end
end
print(f())  -- expect: kept
local fs = {}
for i = 1, 2 do
  local t = {i}
  fs[i] = function() t[1] = t[1] + 1 return t[1] end
end
print(fs[1](), fs[1](), fs[2]())  -- expect: 2	3	3
