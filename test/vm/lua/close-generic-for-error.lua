-- The fourth value of a generic for is closed when the body raises.
local closer = setmetatable({}, {__close = function(_, e) print("closed with", e) end})
print(pcall(function()
  for i in function(_, i) if i < 3 then return i + 1 end end, nil, 0, closer do
    if i == 2 then error("stop", 0) end
  end
end))  -- expect: closed with	stop -- expect: false	stop
