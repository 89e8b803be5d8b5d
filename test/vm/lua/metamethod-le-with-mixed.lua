-- __le between a number and a table.
local o = setmetatable({v = 5}, {__le = function(a, b)
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av <= bv
end})
print(o <= 5, 5 <= o, 4 >= o, o >= 6)  -- expect: true	true	false	false
