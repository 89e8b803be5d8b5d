-- expect error: vararg-outside.lua:3: cannot use '...' outside a vararg function near '...'
local function sum(a, b)
  local extra = { ... }
  return a + b
end
