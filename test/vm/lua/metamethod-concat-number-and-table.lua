-- __concat sees numbers unconverted.
local o = setmetatable({}, {__concat = function(a, b)
  return math.type(type(a) == "number" and a or b) or "none"
end})
print(1 .. o, o .. 2.5, "3" .. o)  -- expect: integer	float	none
