-- expect error: number-after-dot.lua:3: syntax error near '.1'
local t = {}
t.1 = "one"
