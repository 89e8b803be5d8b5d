local pi <const> = 3.14159
local f <close> = nil
local t <const> = {}
t.x = pi
return t
