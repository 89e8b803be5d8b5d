-- expect error: label-twice.lua:6: label 'top' already defined on line 2
::top::
local n = 0
do
  ::top::
  n = n + 1
end
