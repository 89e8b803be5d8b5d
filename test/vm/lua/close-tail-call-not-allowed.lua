-- A return with to-be-closed variables is not a tail call.
local function g() return debug.traceback("t", 1) end
local function f()
  local x <close> = setmetatable({}, {__close = function() end})
  return g()
end
print(f())

-- expect: t
-- expect: stack traceback:
-- expect: 	close-tail-call-not-allowed.lua:2: in upvalue 'g'
-- expect: 	close-tail-call-not-allowed.lua:5: in local 'f'
-- expect: 	close-tail-call-not-allowed.lua:7: in main chunk
-- expect: 	[C]: in ?
