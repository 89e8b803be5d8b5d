-- Nested pcalls catch at the innermost level.
local r = {pcall(function()
  local ok, e = pcall(error, "inner", 0)
  print("inner caught", ok, e)
  error("outer", 0)
end)}  -- expect: inner caught	false	inner
print(r[1], r[2])  -- expect: false	outer
