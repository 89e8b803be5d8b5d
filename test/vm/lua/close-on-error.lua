-- Variables close when an error unwinds, with the error as argument.
local ok, e = pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, err) print("close a", err) end})
  local b <close> = setmetatable({}, {__close = function(_, err) print("close b", err) end})
  error("E", 0)
end)  -- expect: close b	E -- expect: close a	E
print(ok, e)  -- expect: false	E
