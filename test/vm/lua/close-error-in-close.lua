-- An error in __close replaces the original error; later closers see it.
local ok, e = pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, err) print("a sees", err) end})
  local b <close> = setmetatable({}, {__close = function(_, err) error("from b", 0) end})
  error("original", 0)
end)  -- expect: a sees	from b
print(ok, e)  -- expect: false	from b
