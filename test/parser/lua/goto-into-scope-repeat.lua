-- expect error: goto-into-scope-repeat.lua:8: <goto continue> at line 5 jumps into the scope of local 'finished'
local i = 0
repeat
  i = i + 1
  if i < 3 then goto continue end
  local finished = i >= 3
  ::continue::
until finished
