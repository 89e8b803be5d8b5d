-- Float loops accumulate the step.
for x = 0, 1, 0.25 do io.write(x, " ") end  -- expect: 0 0.25 0.5 0.75 1 
print()
for x = 1, 0, -0.5 do io.write(x, " ") end  -- expect: 1 0.5 0 
print()
for x = 0.1, 0.35, 0.1 do io.write(x, " ") end  -- expect: 0.1 0.2 0.3 
print()
