-- Yields from __newindex, __call and __unm.
local mt = {
  __newindex = function(t, k, v) rawset(t, k, coroutine.yield("newindex " .. k)) end,
  __call = function(self, a) return coroutine.yield("call " .. a) end,
  __unm = function(a) return coroutine.yield("unm") end,
}
local o = setmetatable({}, mt)
local co = coroutine.wrap(function()
  o.k = 1
  print("stored", rawget(o, "k"))
  print("call gave", o("arg"))
  print("unm gave", -o)
  return "end"
end)
print(co())  -- expect: newindex k
print(co("V1"))  -- expect: stored	V1 -- expect: call arg
print(co("V2"))  -- expect: call gave	V2 -- expect: unm
print(co("V3"))  -- expect: unm gave	V3 -- expect: end
