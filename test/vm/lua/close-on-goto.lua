-- Leaving a block with goto closes its variables.
do
  local x <close> = setmetatable({}, {__close = function() print("closed by goto") end})
  goto out
end
::out::  -- expect: closed by goto
print("after")  -- expect: after
