-- A generic for iterator can yield.
local function iter(_, i)
  i = i + 1
  if i > 3 then return nil end
  coroutine.yield("iter " .. i)
  return i
end
local co = coroutine.wrap(function()
  for i in iter, nil, 0 do print("body", i) end
  return "end"
end)
for _ = 1, 4 do print(co()) end  -- expect: iter 1 -- expect: body	1 -- expect: iter 2 -- expect: body	2 -- expect: iter 3 -- expect: body	3 -- expect: end
