-- A __close run by an error can yield; the error continues afterwards.
local co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) coroutine.yield("closing: " .. tostring(e)) end})
  error("boom", 0)
end)
print(coroutine.resume(co))  -- expect: false	boom
print(coroutine.resume(co))  -- expect: false	cannot resume dead coroutine
print(coroutine.status(co))  -- expect: dead
