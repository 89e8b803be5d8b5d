-- Yielding across a native boundary that cannot suspend is an error.
local co = coroutine.wrap(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(pcall(co))

-- expect: false	attempt to yield across a C-call boundary
