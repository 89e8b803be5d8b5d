-- An error in __close on a normal exit is raised.
local ok, e = pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, err) print("a sees", err) end})
  local b <close> = setmetatable({}, {__close = function() error("close failed", 0) end})
  return "normal"
end)  -- expect: a sees	close failed
print(ok, e)  -- expect: false	close failed
