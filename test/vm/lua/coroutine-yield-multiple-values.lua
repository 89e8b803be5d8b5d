-- yield and resume carry any number of values, nils included.
local co = coroutine.create(function(...)
  print(select("#", ...), ...)
  print(select("#", coroutine.yield()))
  print(select("#", coroutine.yield(nil, nil)))
  return nil, nil, nil
end)
print(select("#", coroutine.resume(co, nil, 2, nil)))  -- expect: 3	nil	2	nil -- expect: 1
print(coroutine.resume(co))  -- expect: 0 -- expect: true	nil	nil
print(select("#", coroutine.resume(co, 1, 2, 3)))  -- expect: 3 -- expect: 4
print(select("#", coroutine.resume(co)))  -- expect: 2
