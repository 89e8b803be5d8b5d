-- A coroutine can yield from inside pcall.
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("in pcall")
    error("after " .. x)
  end)
  print("pcall gave", ok, v)
  coroutine.yield("after pcall")
  return "end"
end)
print(coroutine.resume(co))  -- expect: true	in pcall
print(coroutine.resume(co, "resume"))  -- expect: pcall gave	false	coroutine-yield-across-pcall.lua:5: after resume -- expect: true	after pcall
print(coroutine.resume(co))  -- expect: true	end
