-- expect error: unfinished-long-string.lua:5: unfinished long string (starting at line 2) near <eof>
local doc = [==[
A long text
that never ends ]=]
