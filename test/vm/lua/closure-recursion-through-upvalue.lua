-- A local function referring to itself through its upvalue.
local function countdown(n, acc)
  acc = acc or {}
  if n == 0 then return table.concat(acc, ",") end
  acc[#acc + 1] = n
  return countdown(n - 1, acc)
end
print(countdown(5))  -- expect: 5,4,3,2,1
local saved = countdown
countdown = nil
print(pcall(saved, 2))  -- expect: false	closure-recursion-through-upvalue.lua:6: attempt to call a nil value (upvalue 'countdown')
