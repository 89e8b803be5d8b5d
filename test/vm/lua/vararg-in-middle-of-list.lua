-- "..." in the middle of a list gives one value.
local function f(...) return ..., "end" end
print(f(1, 2, 3))  -- expect: 1	end
local function g(...) local t = {..., ...} return #t end
print(g(1, 2, 3))  -- expect: 4
