-- debug.getlocal sees a local that is no longer used (dead) with its value, also once the
-- function is hot (compiled by the JIT, which keeps registers in JS locals).
local function f(a, b)
  local c = a + b
  local n, v = debug.getlocal(1, 3)
  return n, v
end
local wrong = 0
for i = 1, 5000 do
  local n, v = f(i, 1)
  if n ~= "c" or v ~= i + 1 then wrong = wrong + 1 end
end
print(wrong)  -- expect: 0
