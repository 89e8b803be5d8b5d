-- Assigning to the control variable does not change the iteration.
for i = 1, 3 do
  local j = i
  i = i * 10
  io.write(j, ":", i, " ")
end  -- expect: 1:10 2:20 3:30 
print()
