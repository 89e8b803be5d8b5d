-- while and repeat loops.
local i = 0
while i < 3 do i = i + 1 io.write(i, " ") end  -- expect: 1 2 3 
print()
repeat i = i - 1 io.write(i, " ") until i == 0  -- expect: 2 1 0 
print()
repeat local stop = true until stop
print("ok")  -- expect: ok
