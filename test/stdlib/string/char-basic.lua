-- string.char: bytes to a string
print(string.char(72, 105))  -- expect: Hi
print(#string.char())  -- expect: 0
print(string.char() == "")  -- expect: true
print(string.char(0, 255):byte(1, -1))  -- expect: 0	255
print(string.char("65", 66.0))  -- expect: AB
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local s = table.concat(t)
print(#s, s:byte(1), s:byte(256))  -- expect: 256	0	255
