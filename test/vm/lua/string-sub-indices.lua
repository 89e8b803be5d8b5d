-- string.sub with negative and out-of-range indices.
local s = "hello"
print(s:sub(2), s:sub(-3), s:sub(2, -2), s:sub(0), s:sub(10), s:sub(-100, 2), s:sub(3, 2))  -- expect: ello	llo	ell	hello		he	
print(s:sub(math.mininteger, math.maxinteger), s:sub(-1, -1), s:sub(5, 5))  -- expect: hello	o	o
