-- __lt works between a table and a number.
local mt = {__lt = function(a, b)
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av < bv
end}
local o = setmetatable({v = 5}, mt)
print(o < 10, 1 < o, o > 3, 10 > o)  -- expect: true	true	true	true
print(pcall(function() return o <= 10 end))  -- expect: true	true
