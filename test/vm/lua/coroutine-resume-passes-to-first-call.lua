-- The first resume's arguments are the body's parameters.
local co = coroutine.create(function(...) return ... end)
print(coroutine.resume(co, 1, nil, "three"))  -- expect: true	1	nil	three
