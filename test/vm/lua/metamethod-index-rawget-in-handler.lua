-- A memoizing __index that stores the value.
local calls = 0
local fib = setmetatable({[0] = 0, [1] = 1}, {__index = function(t, n)
  calls = calls + 1
  local v = t[n - 1] + t[n - 2]
  t[n] = v
  return v
end})
print(fib[80], calls)  -- expect: 23416728348467685	79
print(fib[80], calls)  -- expect: 23416728348467685	79
