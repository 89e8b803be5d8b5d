-- Upvalues of upvalues.
local function outer()
  local a = 1
  return function()
    local b = 2
    return function()
      a = a + 1
      b = b + 1
      return a + b
    end
  end
end
local mid = outer()
local inner1 = mid()
local inner2 = mid()
print(inner1(), inner1(), inner2(), inner1())  -- expect: 5	7	7	10
