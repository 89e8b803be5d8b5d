-- "local function" is visible inside its own body; "local f = function" is not.
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20), fact(21))  -- expect: 3628800	2432902008176640000	-4249290049419214848
local g = function(n) return n end
local g = function(n) if n == 0 then return "base" end return g(n - 1) end
print(g(3))  -- expect: 2
