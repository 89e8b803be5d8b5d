-- A tail call to a native function returns its results.
local function f(...) return select("#", ...) end
local function g() return math.max(3, 9, 2) end
local function h() return string.rep("ab", 3) end
print(g(), h(), f(table.unpack({1, 2, 3})))  -- expect: 9	ababab	3
