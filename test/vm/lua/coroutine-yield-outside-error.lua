-- Yielding from the main thread is an error.
print(pcall(coroutine.yield, 1))  -- expect: false	attempt to yield from outside a coroutine
coroutine.yield()
-- expect error: attempt to yield from outside a coroutine
