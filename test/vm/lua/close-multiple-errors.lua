-- With several failing closers the last error wins.
local ok, e = pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, err) error("a after " .. tostring(err), 0) end})
  local b <close> = setmetatable({}, {__close = function(_, err) error("b after " .. tostring(err), 0) end})
  return 1
end)
print(ok, e)  -- expect: false	a after b after nil
