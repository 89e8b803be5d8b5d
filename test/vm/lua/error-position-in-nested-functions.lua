-- The position names the line of the failing operation.
local function f()
  local a = 1
  local b = nil
  return a +
    b
end
print(pcall(f))  -- expect: false	error-position-in-nested-functions.lua:5: attempt to perform arithmetic on a nil value (local 'b')
