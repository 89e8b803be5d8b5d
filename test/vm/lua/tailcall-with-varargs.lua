-- Tail calls pass varargs through.
local function count(...) return select("#", ...), ... end
local function pass(...) return count(...) end
print(pass(1, nil, 3, nil))  -- expect: 4	1	nil	3	nil
