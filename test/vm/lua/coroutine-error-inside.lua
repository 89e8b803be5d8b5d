-- An error inside a coroutine is returned by resume and kills it.
local co = coroutine.create(function()
  coroutine.yield(1)
  error("oops")
end)
print(coroutine.resume(co))  -- expect: true	1
print(coroutine.resume(co))  -- expect: false	coroutine-error-inside.lua:4: oops
print(coroutine.status(co))  -- expect: dead
local co2 = coroutine.create(function() error({code = 7}) end)
local ok, e = coroutine.resume(co2)
print(ok, type(e), e.code)  -- expect: false	table	7
