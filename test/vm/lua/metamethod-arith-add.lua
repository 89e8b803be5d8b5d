-- __add is tried on the left operand, then the right.
local mt = {__add = function(a, b)
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av + bv
end}
local x = setmetatable({v = 10}, mt)
print(x + 1, 1 + x, x + x, x + 0.5)  -- expect: 11	11	20	10.5
local other = setmetatable({v = 1}, {__add = function() return "other" end})
print(x + other, other + x)  -- expect: 11	other
