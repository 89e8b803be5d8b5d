-- Nested xpcalls use their own handlers.
print(xpcall(function()
  local ok, e = xpcall(function() error("inner", 0) end, function(m) return "h1(" .. m .. ")" end)
  error(e, 0)
end, function(m) return "h2(" .. m .. ")" end))  -- expect: false	h2(h1(inner))
