-- Yields inside pcall inside a loop.
local co = coroutine.wrap(function()
  local total = 0
  for i = 1, 3 do
    local ok, v = pcall(coroutine.yield, i)
    total = total + v
  end
  return total
end)
print(co(), co(10), co(20), co(30))  -- expect: 1	2	3	60
