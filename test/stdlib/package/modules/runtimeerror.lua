-- raises when loaded (also when run alone, caught here)
local ok = pcall(function() local t = nil; return t.field end)
if ... then error("module failed on purpose") end
