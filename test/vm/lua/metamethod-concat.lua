-- __concat on either operand.
local mt = {__concat = function(a, b)
  local as = type(a) == "table" and "T" or tostring(a)
  local bs = type(b) == "table" and "T" or tostring(b)
  return as .. bs
end}
local o = setmetatable({}, mt)
print(o .. "x", "x" .. o, o .. o, 1 .. o, o .. 2.0)  -- expect: Tx	xT	TT	1T	T2.0
print("a" .. "b" .. o .. "c" .. "d")  -- expect: abTcd
