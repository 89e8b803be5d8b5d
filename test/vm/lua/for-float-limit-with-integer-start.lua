-- An integer loop with a float limit is clipped to the floor.
for i = 1, 3.7 do io.write(i, " ") end  -- expect: 1 2 3 
print()
for i = 3, 0.5, -1 do io.write(i, " ") end  -- expect: 3 2 1 
print()
for i = 1, math.huge do if i > 3 then break end io.write(i, " ") end  -- expect: 1 2 3 
print()
for i = 1, -math.huge do io.write("never") end
for i = -1, -math.huge, -1 do if i < -3 then break end io.write(i, " ") end  -- expect: -1 -2 -3 
print()
