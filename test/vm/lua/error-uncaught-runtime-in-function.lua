-- An uncaught error inside a function reports the function's line.
local function fails()
  local s = "text"
  return s.x.y
end
fails()
-- expect error: error-uncaught-runtime-in-function.lua:4: attempt to index a nil value (field 'x')
