-- An uncaught runtime error ends the run with its message.
print("before")  -- expect: before
local t = nil
print(t.x)
print("not reached")
-- expect error: error-runtime-uncaught-stderr.lua:4: attempt to index a nil value (local 't')
