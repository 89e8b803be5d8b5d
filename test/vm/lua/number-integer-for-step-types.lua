-- A numeric for loop with integer bounds has an integer control variable.
for i = 1, 2 do io.write(math.type(i), " ") end  -- expect: integer integer float float float float integer integer 
for i = 1.0, 2 do io.write(math.type(i), " ") end
for i = 1, 2, 1.0 do io.write(math.type(i), " ") end
for i = 1, 2.5 do io.write(math.type(i), " ") end
print()
