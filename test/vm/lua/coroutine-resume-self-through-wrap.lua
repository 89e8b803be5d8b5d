-- A wrapped coroutine calling itself is resuming a running coroutine.
local f
f = coroutine.wrap(function() return f() end)
print(pcall(f))

-- expect: false	coroutine-resume-self-through-wrap.lua:3: cannot resume non-suspended coroutine
