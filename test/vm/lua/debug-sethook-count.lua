-- A count hook fires and can be removed.
local n = 0
debug.sethook(function() n = n + 1 end, "", 100)
for i = 1, 1000 do end
debug.sethook()
print(n > 0, debug.gethook())  -- expect: true	nil
