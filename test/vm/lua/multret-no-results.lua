-- Calls returning nothing give nil where one value is needed.
local function none() end
print(none())  -- expect: 
print((none()))  -- expect: nil
print(none(), 1)  -- expect: nil	1
local a = none()
print(a, select("#", none()), select("#", (none())))  -- expect: nil	0	1
local t = {none(), none()}
print(#t)  -- expect: 0
