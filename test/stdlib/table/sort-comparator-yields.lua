-- a comparator cannot yield: Lua calls it with lua_call, across a C-call boundary
local t = {5, 3, 8, 1, 9, 2}
local co = coroutine.wrap(function()
  table.sort(t, function(a, b)
    coroutine.yield(a, b)
    return a < b
  end)
  return "done"
end)
print(pcall(co))
print(coroutine.isyieldable())

-- expect: false	attempt to yield across a C-call boundary
-- expect: false
