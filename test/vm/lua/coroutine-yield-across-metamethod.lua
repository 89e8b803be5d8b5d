-- A coroutine can yield from inside metamethods.
local mt = {
  __add = function(a, b) return coroutine.yield("add") end,
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __len = function(a) return coroutine.yield("len") end,
}
local o = setmetatable({}, mt)
local o2 = setmetatable({}, mt)
local co = coroutine.wrap(function()
  print("sum", o + 1)
  print("field", o.x)
  print("lt", o < o2)
  print("concat", o .. "s")
  print("eq", o == o2)
  print("len", #o)
  return "done"
end)
print(co())  -- expect: add
print(co(10))  -- expect: sum	10 -- expect: index x
print(co(20))  -- expect: field	20 -- expect: lt
print(co(false))  -- expect: lt	false -- expect: concat
print(co("cc"))  -- expect: concat	cc -- expect: eq
print(co(1))  -- expect: eq	true -- expect: len
print(co(7))  -- expect: len	7 -- expect: done
