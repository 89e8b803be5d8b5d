-- utf8.codes with lax = true: surrogates and values beyond U+10FFFF
local s = "a" .. utf8.char(0xd800) .. utf8.char(0x110000) .. utf8.char(0x7fffffff)
for p, c in utf8.codes(s, true) do print(p, c) end  -- expect: 1	97 -- expect: 2	55296 -- expect: 5	1114112 -- expect: 9	2147483647
print(pcall(function() for p, c in utf8.codes(s) do end end))  -- expect: false	codes-lax.lua:4: invalid UTF-8 code
print(pcall(function() for p, c in utf8.codes(s, false) do end end))  -- expect: false	codes-lax.lua:5: invalid UTF-8 code
