-- A backward goto makes a loop.
local i = 1
::again::
io.write(i, " ")  -- expect: 1 2 3 
i = i + 1
if i <= 3 then goto again end
print()
