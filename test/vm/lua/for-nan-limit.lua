-- A NaN limit runs no iterations.
for i = 1, 0/0 do print("no") end
for i = 1.0, 0/0 do print("no") end  -- expect: no
for i = 0/0, 1 do print("no") end  -- expect: no
print("none ran")  -- expect: none ran
