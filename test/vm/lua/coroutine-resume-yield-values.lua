-- Values pass both ways through resume and yield.
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b)
  print("got", c, d)
  local e = coroutine.yield(c * d)
  return e, "end"
end)
print(coroutine.resume(co, 1, 2))  -- expect: start	1	2 -- expect: true	3
print(coroutine.resume(co, 3, 4))  -- expect: got	3	4 -- expect: true	12
print(coroutine.resume(co, "last"))  -- expect: true	last	end
print(coroutine.resume(co))  -- expect: false	cannot resume dead coroutine
