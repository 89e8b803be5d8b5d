-- Rethrowing an error string adds no second position with level 0.
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, "original")
  error(e2, 0)
end)
print(e)  -- expect: original
ok, e = pcall(function()
  local ok2, e2 = pcall(function() error("again") end)
  error(e2)
end)
print(e)  -- expect: error-rethrow-keeps-message.lua:9: error-rethrow-keeps-message.lua:8: again
