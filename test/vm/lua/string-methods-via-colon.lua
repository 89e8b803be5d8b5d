-- String methods through the string metatable.
local s = "Hello, World"
print(s:len(), s:lower(), s:upper(), s:reverse())  -- expect: 12	hello, world	HELLO, WORLD	dlroW ,olleH
print(s:find("World"), s:match("(%a+), (%a+)"))  -- expect: 8	Hello	World
print(("%d-%s"):format(5, "x"), ("abc"):byte(-1))  -- expect: 5-x	99
