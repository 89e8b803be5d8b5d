-- pcall around resume sees no error: resume returns false.
local co = coroutine.create(function() error("x", 0) end)
print(pcall(coroutine.resume, co))  -- expect: true	false	x
