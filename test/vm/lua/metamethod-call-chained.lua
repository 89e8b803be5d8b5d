-- __call whose value is itself a callable table.
local inner = setmetatable({}, {__call = function(...) return select("#", ...) end})
local outer = setmetatable({}, {__call = inner})
print(outer(1, 2))  -- expect: 4
