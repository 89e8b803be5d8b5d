-- Indexing a string with a number gives nil.
local s = "abc"
print(s[1], s.x, #s)  -- expect: nil	nil	3
