-- string.sub: the common cases
local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -2))  -- expect: hello	world	world	worl
print(s:sub(0), s:sub(1, 0) == "", s:sub(5, 4) == "")  -- expect: hello world	true	true
print(s:sub(3, 3), s:sub(-1, -1), s:sub(11, 11), s:sub(12) == "")  -- expect: l	d	d	true
print(string.sub(12345, 2, 3))  -- expect: 23
print(("x"):sub(1, 1), (""):sub(1, 1) == "")  -- expect: x	true
