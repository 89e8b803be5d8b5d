-- A 100,000-deep non-tail recursion returns normally.
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(sum(100000))  -- expect: 5000050000
