-- \z skips the following whitespace, newlines included.
local s = "abc\z
           def\z   ghi"
print(s)  -- expect: abcdefghi
local t = "line1\
line2"
print(t)  -- expect: line1 -- expect: line2
