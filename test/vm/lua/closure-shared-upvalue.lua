-- Closures created in the same scope share their upvalues.
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end, function(v) n = v end
end
local inc, get, set = counter()
inc(); inc()
print(get())  -- expect: 2
set(10)
print(inc(), get())  -- expect: 11	11
local inc2, get2 = counter()
print(inc2(), get())  -- expect: 1	11
