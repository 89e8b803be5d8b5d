-- resume and status check their argument.
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.status, {}))
print(pcall(coroutine.create, 1))
print(pcall(coroutine.wrap, "x"))

-- expect: false	bad argument #1 to 'coroutine.resume' (thread expected, got number)
-- expect: false	bad argument #1 to 'coroutine.status' (thread expected, got table)
-- expect: false	bad argument #1 to 'coroutine.create' (function expected, got number)
-- expect: false	bad argument #1 to 'coroutine.wrap' (function expected, got string)
