-- next walks the array part in order and ends with nil.
local t = {10, 20, 30}
local k, v = next(t)
print(k, v)  -- expect: 1	10
k, v = next(t, k)
print(k, v)  -- expect: 2	20
print(next(t, 3))  -- expect: nil
print(next({}))  -- expect: nil
print(pcall(next, t, "nope"))  -- expect: false	invalid key to 'next'
print(pcall(next, nil))  -- expect: false	bad argument #1 to 'next' (table expected, got nil)
