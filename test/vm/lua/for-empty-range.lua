-- Loops whose range is empty do not run.
for i = 1, 0 do print("no") end
for i = 0, 1, -1 do print("no") end
for i = math.maxinteger, math.mininteger do print("no") end
for x = 1.0, 0.5 do print("no") end
print("done")  -- expect: done
