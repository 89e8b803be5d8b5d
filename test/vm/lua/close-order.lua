-- To-be-closed variables close in reverse order.
local function c(name)
  return setmetatable({}, {__close = function() print("close " .. name) end})
end
do
  local a <close> = c("a")
  local b <close> = c("b")
  local c3 <close> = c("c")
  print("body")
end  -- expect: body -- expect: close c -- expect: close b -- expect: close a
