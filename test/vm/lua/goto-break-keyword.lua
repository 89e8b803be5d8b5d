-- break exits the innermost loop only.
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    io.write(i, j, " ")
  end
end  -- expect: 11 21 31 
print()
local n = 0
while true do n = n + 1 if n > 5 then break end end
repeat n = n + 1 if n > 8 then break end until false
print(n)  -- expect: 9
