-- goto implements continue.
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end  -- expect: 1 3 5 
print()
