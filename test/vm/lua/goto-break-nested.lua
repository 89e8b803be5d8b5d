-- goto leaves nested loops.
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then goto done end
    io.write(i, j, " ")
  end
end  -- expect: 11 12 13 21 
::done::
print()
