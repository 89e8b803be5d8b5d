-- The main chunk receives the script arguments as varargs.
print(select("#", ...))  -- expect: 0
local t = {...}
print(#t)  -- expect: 0
