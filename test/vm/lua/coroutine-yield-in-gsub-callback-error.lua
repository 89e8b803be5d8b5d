-- string.gsub callbacks cannot yield.
local co = coroutine.create(function()
  return string.gsub("abc", "%w", function(c) coroutine.yield(c) end)
end)
print(coroutine.resume(co))  -- expect: false	attempt to yield across a C-call boundary
