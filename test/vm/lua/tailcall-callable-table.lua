-- A tail call through __call.
local obj = setmetatable({}, {__call = function(self, a, b) return a + b end})
local function f(x) return obj(x, 1) end
print(f(41))  -- expect: 42
local function loop(n) if n == 0 then return "done" end return setmetatable({}, {__call = function(_, m) return loop(m) end})(n - 1) end
print(loop(100))  -- expect: done
