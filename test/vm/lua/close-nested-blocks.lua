-- Nested blocks close inner variables first.
do
  local a <close> = setmetatable({}, {__close = function() print("outer") end})
  do
    local b <close> = setmetatable({}, {__close = function() print("inner") end})
  end
  print("between")
end  -- expect: inner -- expect: between -- expect: outer
