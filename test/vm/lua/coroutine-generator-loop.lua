-- A producer coroutine used as a for iterator.
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i, i * i) end
  end)
end
for i, sq in range(5) do io.write(i, ":", sq, " ") end  -- expect: 1:1 2:4 3:9 4:16 5:25 
print()
