-- A stripped dump still runs.
local function f(a, b) return a + b end
local g = load(string.dump(f, true))
print(g(2, 3))
print(pcall(string.dump, print))

-- expect: 5
-- expect: false	unable to dump given function
