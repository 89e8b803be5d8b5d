-- A call used as a table key or index gives one value.
local function two() return "a", "b" end
local t = {[two()] = 1}
print(t.a, t.b)  -- expect: 1	nil
local u = {a = "x"}
print(u[two()])  -- expect: x
