-- With an integer start, a NaN limit and a negative step, lua5.4 clips the limit to mininteger
-- (forlimit: NaN is not > 0), so the loop runs; with a positive step it does not run.
local n = 0
for i = 1, 0/0, -1 do
  n = n + 1
  if n == 3 then break end
end
print(n)  -- expect: 3
n = 0
for i = 1, 0/0 do n = n + 1 end
print(n)  -- expect: 0
