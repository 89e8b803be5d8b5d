-- An explicit nil environment leaves globals unreachable.
local f = load("return x", "c", "t", nil)
print(pcall(f))  -- expect: false	[string "c"]:1: attempt to index a nil value (upvalue '_ENV')
local g = load("print('hi')", "=c", "t", nil)
print(pcall(g))  -- expect: false	c:1: attempt to index a nil value (upvalue '_ENV')
