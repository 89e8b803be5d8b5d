-- A label at the end of a function body.
local function f(n)
  if n > 0 then goto positive end
  do return "non-positive" end
  ::positive::
  return "positive"
end
print(f(1), f(-1))  -- expect: positive	non-positive
