-- Closures made in a goto loop capture fresh locals each pass.
local fs = {}
do
  local i = 1
  ::top::
  local v = i * 100
  fs[i] = function() return v end
  i = i + 1
  if i <= 3 then goto top end
end
print(fs[1](), fs[2](), fs[3]())  -- expect: 100	200	300
