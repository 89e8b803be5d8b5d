-- __close errors with non-string values.
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function() error(42) end})
end))  -- expect: false	42
