-- string.sub: Lua 5.4's index normalisation, including huge and negative indices
local s = "hello"
print(s:sub(-100, 2), s:sub(2, 100), s:sub(-100, 100))  -- expect: he	ello	hello
print(s:sub(math.mininteger, math.maxinteger))  -- expect: hello
print(s:sub(math.maxinteger) == "", s:sub(2, math.mininteger) == "")  -- expect: true	true
print(s:sub(-2^53, 2), s:sub(2^53) == "")  -- expect: he	true
print(s:sub(2.0, 4.0), s:sub("2", "-2"))  -- expect: ell	ell
print(s:sub(0, 0) == "", s:sub(0, 1), s:sub(-5, -5), s:sub(-6, -5))  -- expect: true	h	h	h
print(s:sub(6, 5) == "", s:sub(5, 5), s:sub(math.mininteger, -5))  -- expect: true	o	h
print(s:sub(-1, math.mininteger) == "", s:sub(0, -6) == "")  -- expect: true	true
print(string.sub("", 0, -1) == "", string.sub("", 1, 1) == "")  -- expect: true	true
