-- The receiver is evaluated once.
local n = 0
local obj = {v = 5}
function obj:get() return self.v end
local function getobj() n = n + 1 return obj end
print(getobj():get(), n)  -- expect: 5	1
