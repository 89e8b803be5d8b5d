-- Variables in a loop body close on each iteration and on break.
for i = 1, 3 do
  local x <close> = setmetatable({}, {__close = function() print("close", i) end})
  if i == 2 then break end
  print("iter", i)
end  -- expect: iter	1 -- expect: close	1 -- expect: close	2
