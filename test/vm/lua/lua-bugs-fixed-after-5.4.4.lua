-- moonlet-only: bugs of Lua 5.4.4 (the reference lua5.4) that later 5.4 releases fixed.
-- moonlet follows the fixed behaviour, so these expectations are written by hand; each case
-- is checked by the official 5.4.8 suite too (file named).

-- _ENV indexed by a comparison: the table load was skipped by the comparison's jump, and
-- the number in its register was indexed (closure.lua; fixed in 5.4.8).
_ENV[true] = 10
local function envByComparison() return _ENV[1 < 2] end
print(envByComparison())  -- expect: 10
_ENV[true] = nil

-- A bitwise operation between a constant and an `or`, in a function with over 255
-- constants: the constant was loaded where the `or`'s jump skipped it (constructs.lua;
-- fixed in 5.4.6).
local code = {"local x = {"}
for i = 1, 257 do code[#code + 1] = i .. ".1," end
code[#code + 1] = "};"
code = table.concat(code)
print(load(code .. "return (1 ~ (2 or 3))")(), load(code .. "return (1 | (2 or 3))")())  -- expect: 3	3
print(load(code .. "return (1 & (2 or 3)), (5 ~ (false or 1))")())  -- expect: 0	4

-- `break` out of a generic for whose body captures a loop variable: the closing value was
-- left open until the function returned (locals.lua; fixed in 5.4.5).
local closed = false
local closing = setmetatable({}, {__close = function() closed = true end})
local function breakOut()
  for k in next, {1}, nil, closing do
    local function f() return k end
    break
  end
  return closed
end
print(breakOut())  -- expect: true

-- A field or a string constant spelled "_ENV" is not the variable _ENV (errors.lua; fixed in
-- 5.4.7 and 5.4.8).
print(pcall(load("a = {_ENV = {}}; return a._ENV.x + 1", "=env")))  -- expect: false	env:1: attempt to perform arithmetic on a nil value (field 'x')
print(pcall(load("return ('_ENV').x + 1", "=env")))  -- expect: false	env:1: attempt to perform arithmetic on a nil value (field 'x')
a = nil

-- A chain of coroutines each closing the previous one from a __close: the closes nest, and
-- Lua 5.4.4 let them nest without limit (cstack.lua; 5.4.8 counts them as nested calls).
local count = 0
local coro = false
for i = 1, 1000 do
  local previous = coro
  coro = coroutine.create(function()
    local cc <close> = setmetatable({}, {__close = function()
      count = count + 1
      if previous then assert(coroutine.close(previous)) end
    end})
    coroutine.yield()
  end)
  assert(coroutine.resume(coro))
end
local ok, msg = coroutine.close(coro)
print(ok, msg:match("C stack overflow"), count < 1000)  -- expect: false	C stack overflow	true
