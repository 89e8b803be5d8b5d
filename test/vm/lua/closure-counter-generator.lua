-- Independent closures from one factory.
local function make(step)
  local v = 0
  return function() v = v + step return v end
end
local c1, c2 = make(1), make(10)
print(c1(), c1(), c2(), c1(), c2())  -- expect: 1	2	10	3	20
